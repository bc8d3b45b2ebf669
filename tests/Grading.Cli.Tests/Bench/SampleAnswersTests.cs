using System.Text.Json;
using Grading.Cli.Bench;
using Grading.Core.Batches;

namespace Grading.Cli.Tests.Bench;

public sealed class SampleAnswersTests
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "samples", "intro-science");

    [Fact]
    public void Bodies_IntroScienceSample_AreDistinctValidGradeRequestsOfVariedLength()
    {
        var assignment = AssignmentReader.Read(File.ReadAllBytes(Path.Combine(Samples, "assignment.json")));
        var csv = File.ReadAllBytes(Path.Combine(Samples, "batch.csv"));
        var sampleAnswers = BatchParser.Parse(csv, BatchFormat.Csv, assignment, assignment.Id).Submissions.Count;

        var bodies = SampleAnswers.Bodies(assignment, csv);

        Assert.True(bodies.Count > 3 * sampleAnswers, $"{bodies.Count} bodies from {sampleAnswers} answers");
        var answers = bodies.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("answer").GetString()!).ToList();
        Assert.Equal(answers.Count, answers.Distinct().Count());
        Assert.True(answers.Max(a => a.Length) > 4 * answers.Min(a => a.Length), "answers should vary in length");
        foreach (var body in bodies)
        {
            // Each body is one valid row, as POST /api/grade validates it.
            var parsed = BatchParser.Parse(body, BatchFormat.Jsonl, assignment: null, "bench");
            Assert.True(parsed.Errors.Count == 0, string.Join("; ", parsed.Errors.Select(e => $"{e.Field}: {e.Message}")));
            Assert.Single(parsed.Submissions);
        }
    }
}
