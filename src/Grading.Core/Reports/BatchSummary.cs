using Grading.Core.Metrics;

namespace Grading.Core.Reports;

/// <summary>What a teacher sees first about a batch; written as summary.json.</summary>
public sealed record BatchSummary
{
    public required string BatchId { get; init; }
    public required string AssignmentId { get; init; }
    public required int Rows { get; init; }
    public required int Graded { get; init; }
    public required int Rejected { get; init; }
    public required int Failed { get; init; }
    public required int NeedsReview { get; init; }
    public required double MeanPercent { get; init; }
    public required string Grader { get; init; }
    public required string ModelVersion { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset CompletedAt { get; init; }
    public required IReadOnlyList<QuestionSummary> Questions { get; init; }

    /// <summary>Present only when the batch carries human scores.</summary>
    public ScoreAgreement? Agreement { get; init; }

    /// <summary>Present only when the batch carries human feedback.</summary>
    public FeedbackAgreement? FeedbackAgreement { get; init; }
}
