namespace Grading.Core.Domain;

/// <summary>The grade of one submission: what a teacher reads and what an audit needs to reproduce it.</summary>
public sealed record Grade
{
    public required string SubmissionId { get; init; }
    public required string AssignmentId { get; init; }
    public required string QuestionId { get; init; }
    public required double Score { get; init; }
    public required double MaxScore { get; init; }
    public required double Percent { get; init; }
    public required string Feedback { get; init; }
    public required double Confidence { get; init; }
    public required bool NeedsReview { get; init; }
    public required IReadOnlyList<string> ReviewReasons { get; init; }
    public string? Label { get; init; }
    public required string Grader { get; init; }
    public required string ModelVersion { get; init; }
    public required string RubricHash { get; init; }

    /// <summary>Fingerprint of answer, question, rubric and model: equal fingerprints mean re-grading would change nothing.</summary>
    public required string InputHash { get; init; }
    public required double LatencyMs { get; init; }
    public required DateTimeOffset GradedAt { get; init; }
    public double? HumanScore { get; init; }
    public string? HumanFeedback { get; init; }
}
