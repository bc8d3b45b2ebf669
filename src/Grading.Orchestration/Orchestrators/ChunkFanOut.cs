using Grading.Orchestration.Activities;
using Grading.Orchestration.Messages;
using Microsoft.DurableTask;

namespace Grading.Orchestration.Orchestrators;

/// <summary>
/// Grades chunks [start, start + count) with at most <see cref="BatchSettings.MaxParallelChunks"/> in flight.
/// A chunk that still fails after its retries is recorded, not thrown: one bad chunk never sinks the batch.
/// </summary>
internal static class ChunkFanOut
{
    public static async Task<RangeOutcome> RunAsync(
        TaskOrchestrationContext context,
        ChunkRange range,
        Action<ChunkOutcome, int> onProgress)
    {
        var options = RetryPolicies.ForActivities(range.Settings);
        var inFlight = new Dictionary<Task<ChunkOutcome>, int>();
        var failures = new List<FailedChunk>();
        var totals = ChunkOutcome.None;
        var next = range.Start;
        var end = range.Start + range.Count;
        var done = 0;
        while (next < end || inFlight.Count > 0)
        {
            while (inFlight.Count < range.Settings.MaxParallelChunks && next < end)
            {
                var input = new GradeChunkInput(range.Batch.BatchId, next, range.Settings.ReviewBelowConfidence, range.Settings.Grader, range.Settings.Regrade);
                inFlight.Add(context.CallActivityAsync<ChunkOutcome>(GradeChunkActivity.Name, input, options), next);
                next++;
            }

            var finished = await Task.WhenAny(inFlight.Keys);
            var index = inFlight[finished];
            inFlight.Remove(finished);
            try
            {
                totals = totals.Add(await finished);
            }
            catch (TaskFailedException e)
            {
                var size = range.Batch.SizeOfChunk(index);
                failures.Add(new FailedChunk(index, e.FailureDetails.ErrorMessage));
                totals = totals.Add(new ChunkOutcome(index, 0, size, 0));
            }

            onProgress(totals, ++done);
        }

        return new RangeOutcome(totals, failures);
    }
}
