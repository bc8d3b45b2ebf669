using System.Text.Json;
using Grading.Core.Metrics;

namespace Grading.Cli.Output;

/// <summary>
/// What <c>grading eval --out DIR</c> writes: predictions.jsonl (one graded answer a line, next to the human grade),
/// metrics.json and confidence.json (reliability table and coverage errors). A report.html renderer plugs in here: it
/// gets the same answers, metrics and confidence report.
/// </summary>
internal static class EvaluationFiles
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private static readonly JsonSerializerOptions Indented = new(Json) { WriteIndented = true };

    public static void Write(string directory, IReadOnlyList<EvaluatedAnswer> answers, EvaluationMetrics metrics, ConfidenceReport confidence)
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
    }
}
