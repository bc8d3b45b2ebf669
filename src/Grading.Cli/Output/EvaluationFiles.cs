using System.Text.Json;
using Grading.Core.Metrics;
using Grading.Core.Reports;

namespace Grading.Cli.Output;

/// <summary>
/// What <c>grading eval --out DIR</c> writes: predictions.jsonl (one graded answer a line, next to the human grade),
/// metrics.json, confidence.json (reliability table and coverage errors), baselines.json (the simple reference graders
/// on the same answers, <see cref="BaselineMetrics"/>) and report.html (the batch report's page over
/// the evaluated answers, with the human scores).
/// </summary>
internal static class EvaluationFiles
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private static readonly JsonSerializerOptions Indented = new(Json) { WriteIndented = true };

    public static void Write(string directory, IReadOnlyList<EvaluatedAnswer> answers, EvaluationMetrics metrics, ConfidenceReport confidence, BaselineMetrics baselines, DateTimeOffset startedAt)
    {
        Directory.CreateDirectory(directory);
        using (var writer = new StreamWriter(Path.Combine(directory, "predictions.jsonl")))
        {
            foreach (var answer in answers)
            {
                writer.WriteLine(JsonSerializer.Serialize(answer, Json));
            }
        }

        File.WriteAllText(Path.Combine(directory, "metrics.json"), JsonSerializer.Serialize(metrics, Indented));
        File.WriteAllText(Path.Combine(directory, "confidence.json"), JsonSerializer.Serialize(confidence, Indented));
        File.WriteAllText(Path.Combine(directory, "baselines.json"), JsonSerializer.Serialize(baselines, Indented));
        File.WriteAllBytes(Path.Combine(directory, ResultFiles.ReportHtml), EvaluationReport.ToBytes(answers, "encoder head", startedAt, DateTimeOffset.UtcNow));
    }
}
