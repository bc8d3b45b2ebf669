using Grading.Orchestration.Messages;

namespace Grading.Orchestration.Client;

/// <summary>Where a batch stands: the engine's runtime status, its progress, and its result once done.</summary>
public sealed record BatchStatus(
    string BatchId,
    string RuntimeStatus,
    BatchProgress? Progress,
    BatchResult? Result,
    string? FailureMessage,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt)
{
    public bool IsFinished => RuntimeStatus is "Completed" or "Failed" or "Terminated";
}
