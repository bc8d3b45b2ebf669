using Grading.Orchestration.Messages;

namespace Grading.Orchestration.Regrade;

/// <summary>The input of <see cref="RegradeOrchestrator"/>; <paramref name="AssignmentId"/> null re-grades every assignment.</summary>
/// <param name="RegradeId">The instance id; also the batch id of the re-graded chunks and report.</param>
public sealed record RegradeInput(string RegradeId, string? AssignmentId, string Reason, bool IncludeNeedsReview, BatchSettings Settings);
