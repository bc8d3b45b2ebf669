using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Grading.Core.Domain;
using Grading.Core.Metrics;

namespace Grading.Core.Reports.Html;

/// <summary>
/// report.html: one standalone page (inline CSS and SVG charts; no scripts, fonts or images from elsewhere) that shows
/// a teacher a batch at a glance. Every piece of student or teacher text is HTML-encoded.
/// </summary>
public static class HtmlReport
{
    // Encodes markup characters and quotes but keeps letters of every script readable in the source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static byte[] ToBytes(BatchSummary summary, IReadOnlyList<Grade> grades, IReadOnlyList<RowError> errors) =>
        Utf8NoBom.GetBytes(Render(summary, grades, errors));

    public static string Render(BatchSummary summary, IReadOnlyList<Grade> grades, IReadOnlyList<RowError> errors)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(grades);
        ArgumentNullException.ThrowIfNull(errors);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>Batch ").Append(E(summary.BatchId)).Append(" report</title>\n")
            .Append("<style>").Append(Css).Append("</style>\n</head>\n<body>\n");
        Overview(html, summary);
        Charts(html, grades);
        Confusion(html, grades);
        Questions(html, summary, grades);
        Flagged(html, grades);
        Rejected(html, errors);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Overview(StringBuilder html, BatchSummary s)
    {
        html.Append("<h1>Batch ").Append(E(s.BatchId)).Append("</h1>\n<section id=\"overview\">\n<table class=\"facts\">\n");
        Fact(html, "Assignment", E(s.AssignmentId));
        Fact(html, "Grader", $"{E(s.Grader)} ({E(s.ModelVersion)})");
        Fact(html, "Graded", $"{s.Graded} of {s.Rows} rows ({s.Rejected} rejected, {s.Failed} failed)");
        Fact(html, "Mean score", $"{N(s.MeanPercent)}%");
        Fact(html, "Needs review", s.NeedsReview.ToString(CultureInfo.InvariantCulture));
        Fact(html, "Run", $"{E(s.StartedAt.ToString("u", CultureInfo.InvariantCulture))} to {E(s.CompletedAt.ToString("u", CultureInfo.InvariantCulture))}");
        if (s.Agreement is { } a)
        {
            Fact(html, "Agreement with human scores", $"n {a.N}, MAE {N(a.Mae)}, RMSE {N(a.Rmse)}, grade error {N(a.GradePercentError)}%, Pearson {(a.Pearson is { } r ? N(r) : "n/a")}");
        }

        if (s.FeedbackAgreement is { } f)
        {
            Fact(html, "Agreement with human feedback", $"n {f.N}, BLEU {N(f.Bleu)}, ROUGE-1 {N(f.Rouge1)}, ROUGE-2 {N(f.Rouge2)}, ROUGE-L {N(f.RougeL)}");
        }

        html.Append("</table>\n</section>\n");
    }

    private static void Charts(StringBuilder html, IReadOnlyList<Grade> grades)
    {
        html.Append("<section id=\"charts\">\n<h2>Scores</h2>\n<div class=\"charts\">\n");
        html.Append("<figure id=\"histogram\">").Append(SvgIds.Prefix(ReportCharts.Histogram(grades.Select(g => g.Percent).ToList()), "histogram-"))
            .Append("<figcaption>Score distribution (% of max score), ").Append(grades.Count).Append(" answers</figcaption></figure>\n");
        var pairs = grades
            .Where(g => g.HumanScore is not null && g.MaxScore > 0)
            .Select(g => (Human: 100 * g.HumanScore!.Value / g.MaxScore, Predicted: g.Percent))
            .ToList();
        if (pairs.Count > 0)
        {
            html.Append("<figure id=\"scatter\">").Append(SvgIds.Prefix(ReportCharts.Scatter(pairs), "scatter-"))
                .Append("<figcaption>Predicted against human score (%), ").Append(pairs.Count).Append(" answers; the grey diagonal is perfect agreement</figcaption></figure>\n");
        }

        html.Append("</div>\n</section>\n");
    }

    private static void Confusion(StringBuilder html, IReadOnlyList<Grade> grades)
    {
        if (LabelConfusion.Compute(grades) is not { } confusion)
        {
            return;
        }

        html.Append("<section id=\"confusion\">\n<h2>Labels: predicted (rows) against human (columns)</h2>\n<table>\n<tr><th></th>");
        foreach (var label in confusion.Labels)
        {
            html.Append("<th>").Append(E(label)).Append("</th>");
        }

        html.Append("</tr>\n");
        var max = Math.Max(1, confusion.Counts.Cast<int>().Max());
        for (var p = 0; p < confusion.Labels.Count; p++)
        {
            html.Append("<tr><th>").Append(E(confusion.Labels[p])).Append("</th>");
            for (var h = 0; h < confusion.Labels.Count; h++)
            {
                var count = confusion.Counts[p, h];
                // Shade by count so the diagonal (agreement) and the big confusions stand out at a glance.
                var shade = (0.08 + 0.6 * count / max).ToString("0.00", CultureInfo.InvariantCulture);
                var hue = p == h ? "46,139,87" : "205,92,92";
                html.Append("<td class=\"cell\" style=\"background:rgba(").Append(hue).Append(',').Append(shade).Append(")\">").Append(count).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n<p>").Append(confusion.Agreeing).Append(" of ").Append(confusion.Total).Append(" labels agree.</p>\n</section>\n");
    }

    private static void Questions(StringBuilder html, BatchSummary summary, IReadOnlyList<Grade> grades)
    {
        var withHuman = grades.Any(g => g.HumanScore is not null);
        html.Append("<section id=\"questions\">\n<h2>Questions</h2>\n<table>\n<tr><th>Question</th><th>n</th><th>Mean %</th><th>Needs review</th>");
        if (withHuman)
        {
            html.Append("<th>Human-scored</th><th>MAE</th><th>RMSE</th>");
        }

        html.Append("</tr>\n");
        foreach (var q in summary.Questions)
        {
            html.Append("<tr><td>").Append(E(q.QuestionId)).Append("</td><td class=\"num\">").Append(q.Graded)
                .Append("</td><td class=\"num\">").Append(N(q.MeanPercent)).Append("</td><td class=\"num\">").Append(q.NeedsReview).Append("</td>");
            if (withHuman)
            {
                var agreement = ScoreAgreement.Compute(grades
                    .Where(g => g.QuestionId == q.QuestionId && g.HumanScore is not null)
                    .Select(g => (g.Score, g.HumanScore!.Value, g.MaxScore)));
                html.Append(agreement is null
                    ? "<td class=\"num\">0</td><td></td><td></td>"
                    : $"<td class=\"num\">{agreement.N}</td><td class=\"num\">{N(agreement.Mae)}</td><td class=\"num\">{N(agreement.Rmse)}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n</section>\n");
    }

    private static void Flagged(StringBuilder html, IReadOnlyList<Grade> grades)
    {
        var flagged = grades.Where(g => g.NeedsReview).ToList();
        html.Append("<section id=\"flagged\">\n<h2>Flagged for review (").Append(flagged.Count).Append(")</h2>\n");
        if (flagged.Count == 0)
        {
            html.Append("<p>No answer needs review.</p>\n</section>\n");
            return;
        }

        html.Append("<table>\n<tr><th>Submission</th><th>Question</th><th>Score</th><th>Confidence</th><th>Reasons</th><th>Feedback</th></tr>\n");
        foreach (var g in flagged)
        {
            html.Append("<tr><td>").Append(E(g.SubmissionId)).Append("</td><td>").Append(E(g.QuestionId))
                .Append("</td><td class=\"num\">").Append(N(g.Score)).Append(" / ").Append(N(g.MaxScore))
                .Append("</td><td class=\"num\">").Append(N(g.Confidence)).Append("</td><td><ul>");
            foreach (var reason in g.ReviewReasons)
            {
                html.Append("<li>").Append(E(reason)).Append("</li>");
            }

            html.Append("</ul></td><td>").Append(E(g.Feedback)).Append("</td></tr>\n");
        }

        html.Append("</table>\n</section>\n");
    }

    private static void Rejected(StringBuilder html, IReadOnlyList<RowError> errors)
    {
        html.Append("<section id=\"rejected\">\n<h2>Rows not graded (").Append(errors.Count).Append(")</h2>\n");
        if (errors.Count == 0)
        {
            html.Append("<p>Every row was graded.</p>\n</section>\n");
            return;
        }

        html.Append("<table>\n<tr><th>Row</th><th>Submission</th><th>Field</th><th>Reason</th></tr>\n");
        foreach (var e in errors)
        {
            // Row 0 is an error in the file the batch was made from (a SAF question file), not one of its rows.
            html.Append("<tr><td class=\"num\">").Append(e.Row > 0 ? e.Row.ToString(CultureInfo.InvariantCulture) : "-").Append("</td><td>").Append(E(e.SubmissionId ?? ""))
                .Append("</td><td>").Append(E(e.Field)).Append("</td><td>").Append(E(e.Message)).Append("</td></tr>\n");
        }

        html.Append("</table>\n</section>\n");
    }

    private static void Fact(StringBuilder html, string name, string encodedValue) =>
        html.Append("<tr><th>").Append(name).Append("</th><td>").Append(encodedValue).Append("</td></tr>\n");

    private static string E(string text) => Encoder.Encode(text);

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private const string Css =
        "body{font-family:system-ui,sans-serif;margin:2rem;color:#222}" +
        "table{border-collapse:collapse;margin:.5rem 0 1.5rem}" +
        "th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}" +
        "td.num,td.cell{text-align:right}" +
        "table.facts th{background:#f3f3f3}" +
        ".charts{display:flex;flex-wrap:wrap;gap:1rem}" +
        "figure{margin:0}figcaption{font-size:.9rem;color:#555}" +
        "ul{margin:0;padding-left:1.2rem}";
}
