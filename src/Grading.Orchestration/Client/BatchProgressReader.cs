using System.Text.Json;
using Grading.Core.Serialization;
using Grading.Orchestration.Messages;
using Microsoft.DurableTask.Client;

namespace Grading.Orchestration.Client;

/// <summary>
/// Reads a batch's progress from its orchestration's custom status. A large batch grades in <c>GradeChunkRange</c>
/// sub-orchestrations whose counts reach the parent only when a range ends; the reader adds the counts of the
/// ranges still running, so progress moves chunk by chunk for every batch size.
/// </summary>
public static class BatchProgressReader
{
    public static async Task<BatchProgress?> ReadAsync(DurableTaskClient durable, OrchestrationMetadata batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(batch);
        if (Parse<BatchProgress>(batch.SerializedCustomStatus, "stage") is not { } progress)
        {
            return null;
        }

        if (progress.RunningRanges is not { Count: > 0 } ranges)
        {
            return progress;
        }

        var running = new List<RangeProgress>(ranges.Count);
        foreach (var instanceId in ranges)
        {
            // The custom status comes back only with the inputs and outputs (a range's input is a few small records).
            var range = await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
            if (Parse<RangeProgress>(range?.SerializedCustomStatus, "chunksDone") is { } rangeProgress)
            {
                running.Add(rangeProgress);
            }
        }

        return Add(progress, running);
    }

    /// <summary>The parent's counts plus those of its running ranges (which the parent's counts do not hold yet).</summary>
    public static BatchProgress Add(BatchProgress progress, IEnumerable<RangeProgress> runningRanges)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(runningRanges);
        var merged = progress with { RunningRanges = null };
        foreach (var range in runningRanges)
        {
            merged = merged with
            {
                Graded = merged.Graded + range.Graded,
                Failed = merged.Failed + range.Failed,
                NeedsReview = merged.NeedsReview + range.NeedsReview,
                ChunksDone = merged.ChunksDone + range.ChunksDone,
            };
        }

        return merged;
    }

    // Older or foreign statuses (the re-grade's, a plain string) are not progress: tell them apart by a property name.
    private static T? Parse<T>(string? status, string requiredProperty)
        where T : class =>
        status is { Length: > 0 } && status.Contains($"\"{requiredProperty}\"", StringComparison.OrdinalIgnoreCase)
            ? JsonSerializer.Deserialize<T>(status, GradingJson.Options)
            : null;
}
