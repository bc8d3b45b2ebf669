using Grading.Orchestration.Activities;
using Grading.Orchestration.Messages;
using Microsoft.DurableTask;

namespace Grading.Orchestration.Orchestrators;

/// <summary>
/// Prepare (validate and chunk) → fan out GradeChunk activities → fan in to the report.
/// Deterministic by construction: no I/O, no clocks, settings come from the input.
/// </summary>
[DurableTask(Name)]
public sealed class GradeBatchOrchestrator : TaskOrchestrator<GradeBatchInput, BatchResult>
{
    public const string Name = "GradeBatch";

    public override async Task<BatchResult> RunAsync(TaskOrchestrationContext context, GradeBatchInput input)
    {
        var settings = input.Settings;
        context.SetCustomStatus(BatchProgress.Starting);
        var batch = await context.CallActivityAsync<PreparedBatch>(PrepareBatchActivity.Name, input, RetryPolicies.ForActivities(settings));

        return await GradePreparedAsync(context, batch, settings);
    }

    /// <summary>
    /// Fans a prepared batch (chunk blobs written) out to GradeChunk and in to the report, with the progress in the
    /// custom status. Shared with the re-grade, which prepares its batch from stale grades instead of an upload.
    /// </summary>
    internal static async Task<BatchResult> GradePreparedAsync(TaskOrchestrationContext context, PreparedBatch batch, BatchSettings settings)
    {
        var progress = new BatchProgress(BatchProgress.Grading, batch.Submissions, 0, 0, 0, batch.Rejected, 0, batch.ChunkCount);
        context.SetCustomStatus(progress);
        var outcome = batch.ChunkCount <= settings.MaxChunksPerOrchestration
            ? await ChunkFanOut.RunAsync(context, new ChunkRange(batch, 0, batch.ChunkCount, settings), (totals, done) =>
                context.SetCustomStatus(progress = progress with { Graded = totals.Graded, Failed = totals.Failed, NeedsReview = totals.NeedsReview, ChunksDone = done }))
            : await GradeInRangesAsync(context, batch, settings, progress);

        context.SetCustomStatus(progress with { Stage = BatchProgress.Reporting, Graded = outcome.Totals.Graded, Failed = outcome.Totals.Failed, NeedsReview = outcome.Totals.NeedsReview, ChunksDone = batch.ChunkCount });
        var result = await context.CallActivityAsync<BatchResult>(
            WriteReportActivity.Name, new WriteReportInput(batch, outcome.FailedChunks, settings.Grader), RetryPolicies.ForActivities(settings));

        var summary = result.Summary;
        context.SetCustomStatus(new BatchProgress(
            BatchProgress.Completed, batch.Submissions, summary.Graded, summary.Failed, summary.NeedsReview, summary.Rejected, batch.ChunkCount, batch.ChunkCount));
        return result;
    }

    private static async Task<RangeOutcome> GradeInRangesAsync(
        TaskOrchestrationContext context, PreparedBatch batch, BatchSettings settings, BatchProgress progress)
    {
        var ranges = new List<ChunkRange>();
        for (var start = 0; start < batch.ChunkCount; start += settings.MaxChunksPerOrchestration)
        {
            ranges.Add(new ChunkRange(batch, start, Math.Min(settings.MaxChunksPerOrchestration, batch.ChunkCount - start), settings));
        }

        // Each range already runs MaxParallelChunks chunks at once; running two ranges keeps workers busy at a range's tail.
        const int RangesAtOnce = 2;
        var inFlight = new Dictionary<Task<RangeOutcome>, (ChunkRange Range, string InstanceId)>();
        var totals = ChunkOutcome.None;
        var failures = new List<FailedChunk>();
        var chunksDone = 0;
        var next = 0;
        while (next < ranges.Count || inFlight.Count > 0)
        {
            while (inFlight.Count < RangesAtOnce && next < ranges.Count)
            {
                var range = ranges[next++];
                var instanceId = $"{context.InstanceId}:range:{range.Start}";
                inFlight.Add(context.CallSubOrchestratorAsync<RangeOutcome>(GradeChunkRangeOrchestrator.Name, range, new SubOrchestrationOptions { InstanceId = instanceId }), (range, instanceId));
            }

            // Names the running ranges so a status reader can add their progress: this status alone changes only
            // when a whole range (hundreds of chunks, minutes) ends.
            context.SetCustomStatus(progress with
            {
                Graded = totals.Graded, Failed = totals.Failed, NeedsReview = totals.NeedsReview, ChunksDone = chunksDone,
                RunningRanges = inFlight.Values.Select(r => r.InstanceId).ToList(),
            });
            var finished = await Task.WhenAny(inFlight.Keys);
            chunksDone += inFlight[finished].Range.Count;
            inFlight.Remove(finished);
            var outcome = await finished;
            totals = totals.Add(outcome.Totals);
            failures.AddRange(outcome.FailedChunks);
        }

        return new RangeOutcome(totals, failures);
    }
}
