using System.Text.RegularExpressions;
using Grading.Core.Domain;
using Grading.Core.Reports;
using Grading.Core.Reports.Html;
using static Grading.Core.Tests.TestData;

namespace Grading.Core.Tests.Reports.Html;

public class HtmlReportTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    internal static string Render(IReadOnlyList<Grade> grades, IReadOnlyList<RowError>? errors = null)
    {
        errors ??= [];
        var summary = BatchSummaryBuilder.Build("batch-1", "bio-101", grades.Count + errors.Count, grades, errors.Count, 0, "fake", "v1", Start, Start.AddMinutes(1));
        return HtmlReport.Render(summary, grades, errors);
    }

    internal static IReadOnlyList<Grade> MixedBatch() =>
    [
        Grade("s1", "q1", score: 2, maxScore: 2, humanScore: 2),
        Grade("s2", "q1", score: 1, maxScore: 2, humanScore: 0, needsReview: true),
        Grade("s3", "q2", score: 5, maxScore: 5, humanScore: 3),
        Grade("s4", "q2", score: 0, maxScore: 5, humanScore: 0),
        Grade("s5", "q2", score: 4, maxScore: 5, humanScore: 4, needsReview: true),
    ];

    [Fact]
    public void Render_WithHumanScores_HasEverySection()
    {
        var html = Render(MixedBatch(), [new RowError(7, "s9", "answer", "answer is empty")]);

        foreach (var id in new[] { "overview", "charts", "histogram", "scatter", "confusion", "questions", "flagged", "rejected" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.Equal(2, Regex.Count(html, "<svg\\b"));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoHumanScores_HistogramOnly()
    {
        var html = Render([Grade("s1"), Grade("s2", score: 2)]);

        Assert.Equal(1, Regex.Count(html, "<svg\\b"));
        Assert.DoesNotContain("id=\"scatter\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"confusion\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<th>MAE</th>", html, StringComparison.Ordinal);
        Assert.Contains("Every row was graded.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Counts_FlaggedRejectedAndQuestionRows()
    {
        var html = Render(MixedBatch(), [new RowError(7, "s9", "answer", "answer is empty"), new RowError(9, null, "questionId", "unknown question q7")]);

        Assert.Contains("Flagged for review (2)", html, StringComparison.Ordinal);
        Assert.Contains("Rows not graded (2)", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td class=\"num\">7</td><td>s9</td><td>answer</td><td>answer is empty</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<td>questionId</td><td>unknown question q7</td>", html, StringComparison.Ordinal);

        // q1: 100% and 50% -> mean 75, 1 flagged, MAE (0 + 0.5) / 2 = 0.25; q2: 100, 0, 80 -> mean 60, 1 flagged.
        Assert.Contains("<tr><td>q1</td><td class=\"num\">2</td><td class=\"num\">75</td><td class=\"num\">1</td><td class=\"num\">2</td><td class=\"num\">0.25</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>q2</td><td class=\"num\">3</td><td class=\"num\">60</td><td class=\"num\">1</td><td class=\"num\">3</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ErrorOfTheSourceFile_ShowsNoRowNumber()
    {
        var html = Render(MixedBatch(), [new RowError(0, null, "file", "broken.xml: not well-formed XML")]);

        Assert.Contains("<tr><td class=\"num\">-</td><td></td><td>file</td><td>broken.xml: not well-formed XML</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Confusion_CountsAgreeingLabels()
    {
        // Predicted vs human labels: C/C, P/I, C/P, I/I, P/P -> 3 of 5 agree.
        var html = Render(MixedBatch());

        Assert.Contains("3 of 5 labels agree.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ScriptInFeedbackAndIds_IsEncoded()
    {
        var grades = new[]
        {
            Grade("<b>s1</b>", "q1\"><img src=x onerror=alert(1)>", needsReview: true, feedback: "<script>alert('x')</script> & more"),
        };

        var html = Render(grades, [new RowError(3, "<i>s2</i>", "answer", "bad <script>alert(2)</script>")]);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>s1</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>s2</i>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;s1&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NonAsciiText_StaysReadable()
    {
        var html = Render([Grade("s1", needsReview: true, feedback: "Très bien: Photosynthese für Pflanzen")]);

        Assert.Contains("Très bien: Photosynthese für Pflanzen", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HasNoExternalReferences()
    {
        var html = Render(MixedBatch(), [new RowError(7, "s9", "answer", "answer is empty")]);

        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<image", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<?xml", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TwoCharts_ShareNoSvgId()
    {
        var html = Render(MixedBatch());

        var ids = Regex.Matches(html, "\\bid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }
}
