using Grading.Orchestration.Options;

namespace Grading.Orchestration.Messages;

/// <summary>
/// The knobs of one batch, fixed when it starts and carried in its input, so every replay of the orchestration
/// on any worker sees the same values, whatever that worker's configuration says.
/// <see cref="Regrade"/> marks the batch a re-grade writes (see <see cref="GradeChunkInput.Regrade"/>).
/// </summary>
public sealed record BatchSettings(
    int ChunkSize,
    int MaxParallelChunks,
    int MaxChunksPerOrchestration,
    int MaxAnswerLength,
    double ReviewBelowConfidence,
    int ActivityMaxAttempts,
    TimeSpan ActivityFirstRetryInterval,
    string? Grader = null,
    bool Regrade = false)
{
    public static BatchSettings From(GradingOptions options) => new(
        options.ChunkSize,
        options.MaxParallelChunks,
        options.MaxChunksPerOrchestration,
        options.MaxAnswerLength,
        options.ReviewBelowConfidence,
        options.ActivityMaxAttempts,
        options.ActivityFirstRetryInterval);
}
