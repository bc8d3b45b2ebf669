using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Grading.Core.Domain;
using Grading.Core.Serialization;

namespace Grading.Core.Reports;

/// <summary>The batch output files: results.jsonl, results.csv, errors.jsonl and summary.json, as bytes (report.html comes from <see cref="Html.HtmlReport"/>).</summary>
public static class ResultFiles
{
    public const string ResultsJsonl = "results.jsonl";
    public const string ResultsCsv = "results.csv";
    public const string ErrorsJsonl = "errors.jsonl";
    public const string SummaryJson = "summary.json";
    public const string ReportHtml = "report.html";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static byte[] ToJsonl<T>(IEnumerable<T> items)
    {
        var builder = new StringBuilder();
        foreach (var item in items)
        {
            builder.Append(JsonSerializer.Serialize(item, GradingJson.Options)).Append('\n');
        }

        return Utf8NoBom.GetBytes(builder.ToString());
    }

    public static byte[] ToJson<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, GradingJson.Indented);

    public static byte[] GradesToCsv(IEnumerable<Grade> grades)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            // A student's answer or id must never run as a spreadsheet formula when a teacher opens the file.
            InjectionOptions = InjectionOptions.Escape,
        };
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, configuration))
        {
            foreach (var header in CsvColumns)
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var g in grades)
            {
                csv.WriteField(g.SubmissionId);
                csv.WriteField(g.AssignmentId);
                csv.WriteField(g.QuestionId);
                csv.WriteField(g.Score);
                csv.WriteField(g.MaxScore);
                csv.WriteField(g.Percent);
                csv.WriteField(g.Label ?? "");
                csv.WriteField(g.Confidence);
                csv.WriteField(g.NeedsReview ? "true" : "false");
                csv.WriteField(string.Join("; ", g.ReviewReasons));
                csv.WriteField(g.Feedback);
                csv.WriteField(g.HumanScore);
                csv.WriteField(g.Grader);
                csv.WriteField(g.ModelVersion);
                csv.WriteField(g.RubricHash);
                csv.WriteField(g.GradedAt.ToString("O", CultureInfo.InvariantCulture));
                csv.NextRecord();
            }
        }

        return Utf8NoBom.GetBytes(writer.ToString());
    }

    public static IReadOnlyList<string> CsvColumns { get; } =
    [
        "submissionId", "assignmentId", "questionId", "score", "maxScore", "percent", "label", "confidence",
        "needsReview", "reviewReasons", "feedback", "humanScore", "grader", "modelVersion", "rubricHash", "gradedAt",
    ];
}
