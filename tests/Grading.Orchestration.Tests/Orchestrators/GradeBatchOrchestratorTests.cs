using System.Collections.Concurrent;
using Grading.Core.Reports;
using System.Text.Json;
using Grading.Core.Serialization;
using Grading.Orchestration.Activities;
using Grading.Orchestration.Client;
using Grading.Orchestration.Messages;
using Grading.Orchestration.Orchestrators;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace Grading.Orchestration.Tests.Orchestrators;

/// <summary>
/// The orchestration logic on the in-memory engine, with the activities replaced by functions under the same names.
/// The real activities against Azurite are covered by Grading.IntegrationTests.
/// </summary>
public sealed class GradeBatchOrchestratorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RunAsync_FewChunks_GradesEveryChunkOnceAndReportsTotals()
    {
        var fake = new FakeActivities(submissions: 20, chunkSize: 3);
        await using var host = await DurableTaskTestHost.StartAsync(fake.Register);

        var result = await RunBatchAsync(host.Client, Settings(maxParallel: 4, maxChunksPerOrchestration: 100));

        Assert.Equal(20, result.Summary.Graded);
        Assert.Equal(Enumerable.Range(0, 7), fake.GradedChunks.Keys.Order());
        Assert.All(fake.GradedChunks.Values, calls => Assert.Equal(1, calls));
    }

    [Fact]
    public async Task RunAsync_MoreChunksThanOneOrchestrationHolds_SplitsIntoSubOrchestrations()
    {
        var fake = new FakeActivities(submissions: 100, chunkSize: 3);
        await using var host = await DurableTaskTestHost.StartAsync(fake.Register);

        var result = await RunBatchAsync(host.Client, Settings(maxParallel: 4, maxChunksPerOrchestration: 5));

        Assert.Equal(100, result.Summary.Graded);
        Assert.Equal(34, fake.GradedChunks.Count);
        var subOrchestrations = await host.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "batch-1:range:" }).ToListAsync();
        Assert.Equal(7, subOrchestrations.Count);
    }

    [Fact]
    public async Task RunAsync_ChunkFailsOnEveryAttempt_RecordsItAsFailedAndCompletesTheRest()
    {
        var fake = new FakeActivities(submissions: 10, chunkSize: 4) { FailingChunk = 1 };
        await using var host = await DurableTaskTestHost.StartAsync(fake.Register);

        var result = await RunBatchAsync(host.Client, Settings(maxParallel: 2, maxChunksPerOrchestration: 100));

        Assert.Equal(6, result.Summary.Graded);
        Assert.Equal(4, result.Summary.Failed);
        var failed = Assert.Single(fake.ReportInput!.FailedChunks);
        Assert.Equal(1, failed.ChunkIndex);
        Assert.Contains("marked to fail", failed.Reason);
        Assert.Equal(2, fake.Attempts[1]);
    }

    [Fact]
    public async Task RunAsync_BoundedParallelism_NeverRunsMoreChunksAtOnceThanAllowed()
    {
        var fake = new FakeActivities(submissions: 60, chunkSize: 2) { ChunkDelay = TimeSpan.FromMilliseconds(30) };
        await using var host = await DurableTaskTestHost.StartAsync(fake.Register);

        await RunBatchAsync(host.Client, Settings(maxParallel: 3, maxChunksPerOrchestration: 100));

        Assert.InRange(fake.MaxConcurrent, 1, 3);
    }

    [Fact]
    public async Task ReadAsync_ChunksDoneInsideRunningRanges_CountsThemBeforeAnyRangeEnds()
    {
        // Chunks 0 and 1 (of range 0) finish; every other chunk waits, so no range ends and the parent's own status
        // still says 0 graded. The in-memory host runs only as many activities at once as the machine has cores (2
        // on a 2-core machine): with 4 chunks in flight per range, held chunks dispatched first could take every slot
        // and chunks 0 and 1 would never run. One chunk at a time per range holds one slot per range at most.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fake = new FakeActivities(submissions: 30, chunkSize: 3) { HoldChunk = index => index >= 2 ? release.Task : Task.CompletedTask };
        await using var host = await DurableTaskTestHost.StartAsync(fake.Register);
        var input = new GradeBatchInput("batch-1", "a/batch.csv", null, "a", Settings(maxParallel: 1, maxChunksPerOrchestration: 5));
        await host.Client.ScheduleNewOrchestrationInstanceAsync(GradeBatchOrchestrator.Name, input, new StartOrchestrationOptions { InstanceId = "batch-1" });

        BatchProgress? progress = null;
        using var cancellation = new CancellationTokenSource(Timeout);
        while (progress?.Graded != 6 && !cancellation.IsCancellationRequested)
        {
            await Task.Delay(50);
            var metadata = await host.Client.GetInstanceAsync("batch-1", getInputsAndOutputs: true);
            progress = metadata is null ? null : await BatchProgressReader.ReadAsync(host.Client, metadata);
        }

        release.SetResult();
        Assert.NotNull(progress);
        Assert.Equal((6, 2, 10), (progress.Graded, progress.ChunksDone, progress.ChunksTotal));
        Assert.Null(progress.RunningRanges);
        var parentOnly = JsonSerializer.Deserialize<BatchProgress>((await host.Client.GetInstanceAsync("batch-1", getInputsAndOutputs: true))!.SerializedCustomStatus!, GradingJson.Options)!;
        Assert.Equal(["batch-1:range:0", "batch-1:range:5"], parentOnly.RunningRanges!.Order());
        var metadataAtEnd = await host.Client.WaitForInstanceCompletionAsync("batch-1", getInputsAndOutputs: true, cancellation.Token);
        Assert.Equal(30, metadataAtEnd.ReadOutputAs<BatchResult>()!.Summary.Graded);
    }

    [Fact]
    public void Add_TwoRunningRanges_AddsTheirCountsAndClearsTheRangeList()
    {
        var parent = new BatchProgress(BatchProgress.Grading, 1000, 400, 3, 20, 1, 13, 32, ["b:range:0", "b:range:16"]);

        var merged = BatchProgressReader.Add(parent, [new RangeProgress(4, 16, 120, 1, 7), new RangeProgress(2, 16, 64, 0, 2)]);

        Assert.Equal(new BatchProgress(BatchProgress.Grading, 1000, 584, 4, 29, 1, 19, 32), merged);
    }

    private static BatchSettings Settings(int maxParallel, int maxChunksPerOrchestration) =>
        new(ChunkSize: 0, maxParallel, maxChunksPerOrchestration, 20_000, 0.3, ActivityMaxAttempts: 2, TimeSpan.FromMilliseconds(100));

    private static async Task<BatchResult> RunBatchAsync(DurableTaskClient client, BatchSettings settings)
    {
        var input = new GradeBatchInput("batch-1", "a/batch.csv", null, "a", settings);
        await client.ScheduleNewOrchestrationInstanceAsync(GradeBatchOrchestrator.Name, input, new StartOrchestrationOptions { InstanceId = "batch-1" });
        using var cancellation = new CancellationTokenSource(Timeout);
        var metadata = await client.WaitForInstanceCompletionAsync("batch-1", getInputsAndOutputs: true, cancellation.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        return metadata.ReadOutputAs<BatchResult>()!;
    }

    private sealed class FakeActivities(int submissions, int chunkSize)
    {
        private int running;

        public ConcurrentDictionary<int, int> GradedChunks { get; } = new();

        public ConcurrentDictionary<int, int> Attempts { get; } = new();

        public int? FailingChunk { get; init; }

        public TimeSpan ChunkDelay { get; init; } = TimeSpan.Zero;

        /// <summary>A chunk's activity waits for the task this returns before it finishes.</summary>
        public Func<int, Task> HoldChunk { get; init; } = _ => Task.CompletedTask;

        public int MaxConcurrent { get; private set; }

        public WriteReportInput? ReportInput { get; private set; }

        public void Register(DurableTaskRegistry registry)
        {
            registry.AddOrchestrator<GradeBatchOrchestrator>();
            registry.AddOrchestrator<GradeChunkRangeOrchestrator>();
            registry.AddActivityFunc<GradeBatchInput, PreparedBatch>(PrepareBatchActivity.Name, (_, input) =>
                new PreparedBatch(input.BatchId, "a", submissions, submissions, 0, chunkSize, (submissions + chunkSize - 1) / chunkSize, DateTimeOffset.UnixEpoch));
            registry.AddActivityFunc<GradeChunkInput, ChunkOutcome>(GradeChunkActivity.Name, GradeChunkAsync);
            registry.AddActivityFunc<WriteReportInput, BatchResult>(WriteReportActivity.Name, (_, input) =>
            {
                ReportInput = input;
                var failed = input.FailedChunks.Sum(f => input.Batch.SizeOfChunk(f.ChunkIndex));
                return new BatchResult(
                    BatchSummaryBuilder.Build(input.Batch.BatchId, "a", submissions, [], 0, failed, "fake", "1", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch) with { Graded = GradedChunks.Keys.Sum(input.Batch.SizeOfChunk) },
                    "reports/batch-1/");
            });
        }

        private async Task<ChunkOutcome> GradeChunkAsync(TaskActivityContext context, GradeChunkInput input)
        {
            Attempts.AddOrUpdate(input.ChunkIndex, 1, (_, n) => n + 1);
            if (input.ChunkIndex == FailingChunk)
            {
                throw new InvalidOperationException($"chunk {input.ChunkIndex} is marked to fail");
            }

            var now = Interlocked.Increment(ref running);
            lock (this)
            {
                MaxConcurrent = Math.Max(MaxConcurrent, now);
            }

            await Task.Delay(ChunkDelay);
            await HoldChunk(input.ChunkIndex);
            Interlocked.Decrement(ref running);
            GradedChunks.AddOrUpdate(input.ChunkIndex, 1, (_, n) => n + 1);
            var size = Math.Min(chunkSize, submissions - (input.ChunkIndex * chunkSize));
            return new ChunkOutcome(input.ChunkIndex, size, 0, 0);
        }
    }
}
