using System.Globalization;
using Grading.Core.Reports;
using Spectre.Console;

namespace Grading.Cli.Output;

internal static class SummaryTable
{
    public static void Write(BatchSummary summary)
    {
        var totals = new Table().Title($"Batch {summary.BatchId}").AddColumns("rows", "graded", "rejected", "failed", "needs review", "mean %");
        totals.AddRow(
            summary.Rows.ToString(CultureInfo.InvariantCulture),
            summary.Graded.ToString(CultureInfo.InvariantCulture),
            summary.Rejected.ToString(CultureInfo.InvariantCulture),
            summary.Failed.ToString(CultureInfo.InvariantCulture),
            summary.NeedsReview.ToString(CultureInfo.InvariantCulture),
            summary.MeanPercent.ToString("0.0", CultureInfo.InvariantCulture));
        AnsiConsole.Write(totals);
        AnsiConsole.MarkupLineInterpolated($"Grader: {summary.Grader} ({summary.ModelVersion})");

        var questions = new Table().AddColumns("question", "graded", "mean score", "max", "mean %", "needs review");
        foreach (var q in summary.Questions)
        {
            questions.AddRow(
                Markup.Escape(q.QuestionId),
                q.Graded.ToString(CultureInfo.InvariantCulture),
                q.MeanScore.ToString("0.##", CultureInfo.InvariantCulture),
                q.MaxScore.ToString("0.##", CultureInfo.InvariantCulture),
                q.MeanPercent.ToString("0.0", CultureInfo.InvariantCulture),
                q.NeedsReview.ToString(CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(questions);
        if (summary.Agreement is { } agreement)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"Agreement with human scores (n={agreement.N}): grade-% error {agreement.GradePercentError:0.0}, RMSE {agreement.Rmse:0.000}, Pearson {agreement.Pearson?.ToString("0.000", CultureInfo.InvariantCulture) ?? "n/a"}");
        }

        if (summary.FeedbackAgreement is { } feedback)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"Agreement with human feedback (n={feedback.N}): BLEU {feedback.Bleu:0.0}, ROUGE-1 {feedback.Rouge1:0.000}, ROUGE-2 {feedback.Rouge2:0.000}, ROUGE-L {feedback.RougeL:0.000}");
        }
    }
}
