using System.Text;
using Grading.Core.Batches;
using Grading.Core.Domain;
using Grading.Core.Grading;

namespace Grading.Core.Tests;

/// <summary>Shared builders for batch files, assignments and grades.</summary>
internal static class TestData
{
    public static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    public static Question Question(string id = "q1", double maxScore = 2, string text = "What is photosynthesis?", string reference = "Plants turn light into chemical energy.") =>
        new(id, text, [reference], maxScore);

    public static Assignment Assignment(params Question[] questions) =>
        new("bio-101", questions.Length == 0 ? [Question("q1"), Question("q2", maxScore: 5, text: "Name an organelle.", reference: "The mitochondrion.")] : questions, "Biology");

    public static ParsedBatch ParseJsonl(string text, Assignment? assignment = null, BatchLimits? limits = null) =>
        BatchParser.Parse(Utf8(text), BatchFormat.Jsonl, assignment ?? Assignment(), "default-assignment", limits);

    public static ParsedBatch ParseCsv(string text, Assignment? assignment = null, BatchLimits? limits = null) =>
        BatchParser.Parse(Utf8(text), BatchFormat.Csv, assignment ?? Assignment(), "default-assignment", limits);

    public static RowError SingleError(ParsedBatch batch)
    {
        Assert.Single(batch.Errors);
        return batch.Errors[0];
    }

    public static Grade Grade(
        string submissionId = "s1",
        string questionId = "q1",
        double score = 1,
        double maxScore = 2,
        bool needsReview = false,
        double? humanScore = null,
        string feedback = "Good.") => new()
    {
        SubmissionId = submissionId,
        AssignmentId = "bio-101",
        QuestionId = questionId,
        Score = score,
        MaxScore = maxScore,
        Percent = Math.Round(100 * score / maxScore, 2),
        Feedback = feedback,
        Confidence = 0.9,
        NeedsReview = needsReview,
        ReviewReasons = needsReview ? ["low confidence 0.10 (below 0.50)"] : [],
        Label = GradeLabel.FromFraction(score / maxScore),
        Grader = "fake",
        ModelVersion = "v1",
        RubricHash = "0123456789abcdef",
        InputHash = "abcdefabcdefabcdefabcdef",
        LatencyMs = 12.5,
        GradedAt = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero),
        HumanScore = humanScore,
    };
}

internal sealed class FakeGrader(string name = "fake", string modelVersion = "v1") : IGrader
{
    public string Name => name;

    public string ModelVersion => modelVersion;

    public Task<IReadOnlyList<GraderResult>> GradeAsync(IReadOnlyList<GradingRequest> requests, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("GradeFactory tests never call the grader.");
}
