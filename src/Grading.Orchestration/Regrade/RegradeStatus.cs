namespace Grading.Orchestration.Regrade;

/// <summary>Where a re-grade stands: the engine's runtime status and, once completed, its result.</summary>
public sealed record RegradeStatus(
    string RegradeId,
    string RuntimeStatus,
    RegradeResult? Result,
    string? FailureMessage,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt)
{
    public bool IsFinished => RuntimeStatus is "Completed" or "Failed" or "Terminated";
}
