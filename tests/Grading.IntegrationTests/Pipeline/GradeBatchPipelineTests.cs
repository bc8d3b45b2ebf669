using System.Text.Json;
using Grading.Core.Batches;
using Grading.Core.Domain;
using Grading.Core.Reports;
using Grading.Core.Serialization;
using Grading.IntegrationTests.LocalEngine;
using Grading.Orchestration.Client;
using Grading.Orchestration.Messages;
using Grading.Orchestration.Options;
using Grading.Orchestration.Orchestrators;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grading.IntegrationTests.Pipeline;

/// <summary>GradeBatch end to end on the real engine, Azurite and the default grader.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class GradeBatchPipelineTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan BatchTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task GradeBatch_BatchWithBadRows_GradesTheRestAndWritesReportsAndRowErrors()
    {
        await using var host = await GradingHostLease.StartAsync(azurite);
        var assignmentId = GeneratedBatches.NewAssignmentId();
        var file = GeneratedBatches.Csv(20, "bad-empty,photosynthesis,\"\",", "bad-unknown,volcanoes,\"Lava is hot.\",", "sub-00003,photosynthesis,\"duplicate id\",");

        var status = await RunAsync(host, new BatchRequest("mixed.csv", file, GeneratedBatches.AssignmentJson(assignmentId)));

        var summary = status.Result!.Summary;
        Assert.Equal((23, 20, 3, 0), (summary.Rows, summary.Graded, summary.Rejected, summary.Failed));
        Assert.NotNull(summary.Agreement);

        var errors = await ReadJsonlAsync<RowError>(host, status.BatchId, ResultFiles.ErrorsJsonl);
        Assert.Equal(
            [(21, "bad-empty", FieldNames.Answer), (22, "bad-unknown", FieldNames.QuestionId), (23, "sub-00003", FieldNames.SubmissionId)],
            errors.Select(e => (e.Row, e.SubmissionId, e.Field)));

        var results = await ReadJsonlAsync<Grade>(host, status.BatchId, ResultFiles.ResultsJsonl);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"sub-{i:D5}"), results.Select(g => g.SubmissionId));
        Assert.All(results, g => Assert.InRange(g.Score, 0, g.MaxScore));
        Assert.All(results, g => Assert.False(string.IsNullOrWhiteSpace(g.Feedback)));

        var csv = (await host.Batches.ReadReportFileAsync(status.BatchId, ResultFiles.ResultsCsv))!.ToString();
        Assert.Equal(21, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var report = (await host.Batches.ReadReportFileAsync(status.BatchId, ResultFiles.ReportHtml))!.ToString();
        Assert.Contains("Rows not graded (3)", report, StringComparison.Ordinal);
        Assert.Contains("<figure id=\"scatter\"><svg", report, StringComparison.Ordinal);

        var gradeBlobs = await host.CurrentGradeBlobsAsync(assignmentId);
        Assert.Equal(results.Select(g => $"{assignmentId}/{g.SubmissionId}.json").Order(), gradeBlobs.Keys.Order());
    }

    [Fact]
    public async Task GradeBatch_FiveHundredRows_GradesEverySubmissionExactlyOnce()
    {
        await using var host = await GradingHostLease.StartAsync(azurite);
        var assignmentId = GeneratedBatches.NewAssignmentId();

        var status = await RunAsync(host, new BatchRequest("large.csv", GeneratedBatches.Csv(500), GeneratedBatches.AssignmentJson(assignmentId)));

        Assert.Equal(500, status.Result!.Summary.Graded);
        Assert.Equal(500, status.Progress!.Graded);
        var results = await ReadJsonlAsync<Grade>(host, status.BatchId, ResultFiles.ResultsJsonl);
        Assert.Equal(500, results.Select(g => g.SubmissionId).Distinct().Count());
        Assert.Equal(500, (await host.CurrentGradeBlobsAsync(assignmentId)).Count);
    }

    [Fact]
    public async Task GradeBatch_MoreChunksThanOneOrchestrationHolds_GradesThroughRangeSubOrchestrationsExactlyOnce()
    {
        // 42 gradable rows in chunks of 2 are 21 chunks; at most 4 chunks per orchestration makes 6 GradeChunkRange sub-orchestrations.
        await using var host = await GradingHostLease.StartAsync(azurite, new GradingHostSetup
        {
            ConfigureServices = FailingOnMarkedRowsGrader.Decorate,
            Configuration = new Dictionary<string, string?> { ["Grading:ChunkSize"] = "2", ["Grading:MaxChunksPerOrchestration"] = "4" },
        });
        var assignmentId = GeneratedBatches.NewAssignmentId();
        var marked = $"\"Plants need light {FailingOnMarkedRowsGrader.Marker}\"";
        var file = GeneratedBatches.Csv(40, $"fault-1,photosynthesis,{marked},", "bad-unknown,volcanoes,\"Lava is hot.\",", $"fault-2,gravity,{marked},");

        var status = await RunAsync(host, new BatchRequest("ranges.csv", file, GeneratedBatches.AssignmentJson(assignmentId)));

        var durable = host.Services.GetRequiredService<DurableTaskClient>();
        var ranges = new List<OrchestrationMetadata?>();
        for (var start = 0; start < 21; start += 4)
        {
            ranges.Add(await durable.GetInstanceAsync($"{status.BatchId}:range:{start}"));
        }

        Assert.All(ranges, range => Assert.Equal(OrchestrationRuntimeStatus.Completed, range?.RuntimeStatus));
        Assert.Null(await durable.GetInstanceAsync($"{status.BatchId}:range:24"));

        var summary = status.Result!.Summary;
        Assert.Equal((43, 40, 1, 2), (summary.Rows, summary.Graded, summary.Rejected, summary.Failed));
        var results = await ReadJsonlAsync<Grade>(host, status.BatchId, ResultFiles.ResultsJsonl);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"sub-{i:D5}"), results.Select(g => g.SubmissionId));
        Assert.Equal(results.Count(g => g.NeedsReview), summary.NeedsReview);
        var written = JsonSerializer.Deserialize<BatchSummary>((await host.Batches.ReadReportFileAsync(status.BatchId, ResultFiles.SummaryJson))!.ToString(), GradingJson.Options)!;
        Assert.Equal((43, 40, 1, 2, summary.NeedsReview), (written.Rows, written.Graded, written.Rejected, written.Failed, written.NeedsReview));
        Assert.Equal(
            new BatchProgress(BatchProgress.Completed, 42, 40, 2, summary.NeedsReview, 1, 21, 21),
            status.Progress);

        var errors = await ReadJsonlAsync<RowError>(host, status.BatchId, ResultFiles.ErrorsJsonl);
        Assert.Equal(["bad-unknown", "fault-1", "fault-2"], errors.Select(e => e.SubmissionId).Order());
        var gradeBlobs = await host.CurrentGradeBlobsAsync(assignmentId);
        Assert.Equal(results.Select(g => $"{assignmentId}/{g.SubmissionId}.json").Order(), gradeBlobs.Keys.Order());
        Assert.Empty(await host.HistoryBlobsAsync(assignmentId));
    }

    [Fact]
    public async Task GradeBatch_SameFileTwice_StartsTwoBatchesButWritesNoGradeTwice()
    {
        await using var host = await GradingHostLease.StartAsync(azurite);
        var assignmentId = GeneratedBatches.NewAssignmentId();
        var request = new BatchRequest("again.csv", GeneratedBatches.Csv(10), GeneratedBatches.AssignmentJson(assignmentId));

        var first = await RunAsync(host, request);
        var blobsAfterFirst = await host.CurrentGradeBlobsAsync(assignmentId);
        var second = await RunAsync(host, request);
        var blobsAfterSecond = await host.CurrentGradeBlobsAsync(assignmentId);

        Assert.NotEqual(first.BatchId, second.BatchId);
        Assert.Equal(10, blobsAfterSecond.Count);
        Assert.Equal(
            blobsAfterFirst.ToDictionary(b => b.Key, b => b.Value.Properties.ETag),
            blobsAfterSecond.ToDictionary(b => b.Key, b => b.Value.Properties.ETag));
        Assert.Empty(await host.Grades.ReadHistoryAsync(assignmentId, "sub-00000"));
    }

    [Fact]
    public async Task GradeBatch_AnswerChanged_ReplacesTheGradeAndKeepsTheOldOneForAudit()
    {
        await using var host = await GradingHostLease.StartAsync(azurite);
        var assignmentId = GeneratedBatches.NewAssignmentId();
        var assignment = GeneratedBatches.AssignmentJson(assignmentId);
        await RunAsync(host, new BatchRequest("v1.csv", "submissionId,questionId,answer\ns1,photosynthesis,Plants grow in soil.\n"u8.ToArray(), assignment));
        var before = await host.Grades.TryReadAsync(assignmentId, "s1");

        await RunAsync(host, new BatchRequest("v2.csv", "submissionId,questionId,answer\ns1,photosynthesis,\"Light, water and CO2 make glucose and oxygen.\"\n"u8.ToArray(), assignment));

        var after = await host.Grades.TryReadAsync(assignmentId, "s1");
        var history = await host.Grades.ReadHistoryAsync(assignmentId, "s1");
        Assert.NotEqual(before!.InputHash, after!.InputHash);
        Assert.Equal(before.InputHash, Assert.Single(history).InputHash);
    }

    [Fact]
    public async Task GradeBatch_GraderFailsOnSomeRows_RecordsThoseRowsAndGradesTheRest()
    {
        await using var host = await GradingHostLease.StartAsync(azurite, FailingOnMarkedRowsGrader.Decorate);
        var assignmentId = GeneratedBatches.NewAssignmentId();
        var marked = $"\"Plants need light {FailingOnMarkedRowsGrader.Marker}\"";
        var file = GeneratedBatches.Csv(40, $"fault-1,photosynthesis,{marked},", $"fault-2,gravity,{marked},");

        var status = await RunAsync(host, new BatchRequest("faults.csv", file, GeneratedBatches.AssignmentJson(assignmentId)));

        var summary = status.Result!.Summary;
        Assert.Equal((42, 40, 2), (summary.Rows, summary.Graded, summary.Failed));
        var errors = await ReadJsonlAsync<RowError>(host, status.BatchId, ResultFiles.ErrorsJsonl);
        Assert.Equal([(41, "fault-1"), (42, "fault-2")], errors.Select(e => (e.Row, e.SubmissionId)));
        Assert.All(errors, e => Assert.Contains("injected grader fault", e.Message, StringComparison.Ordinal));
        Assert.Equal(40, (await host.CurrentGradeBlobsAsync(assignmentId)).Count);
    }

    [Fact]
    public async Task StartAsync_FileThatIsNotABatch_IsRejectedAsAWholeBeforeAnythingRuns()
    {
        await using var host = await GradingHostLease.StartAsync(azurite);

        var error = await Assert.ThrowsAsync<BatchFormatException>(() =>
            host.Batches.StartAsync(new BatchRequest("notes.csv", "Dear teacher,\nplease find my essay attached.\n"u8.ToArray())));

        Assert.Contains("not a grading CSV", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatusAsync_BatchWhoseUploadVanished_FailsWithAMessageNamingTheCause()
    {
        await using var host = await GradingHostLease.StartAsync(azurite, new GradingHostSetup
        {
            Configuration = new Dictionary<string, string?> { ["Grading:ActivityMaxAttempts"] = "1" },
        });
        var durable = host.Services.GetRequiredService<DurableTaskClient>();
        var batchId = "vanished-" + Guid.NewGuid().ToString("N")[..8];
        var settings = BatchSettings.From(host.Services.GetRequiredService<IOptions<GradingOptions>>().Value);
        await host.Storage.EnsureContainersAsync();

        await durable.ScheduleNewOrchestrationInstanceAsync(
            GradeBatchOrchestrator.Name,
            new GradeBatchInput(batchId, "a/no-such-upload.csv", null, "a", settings),
            new StartOrchestrationOptions { InstanceId = batchId });
        using var timeout = new CancellationTokenSource(BatchTimeout);
        var status = await host.Batches.WaitAsync(batchId, cancellationToken: timeout.Token);

        Assert.Equal("Failed", status.RuntimeStatus);
        Assert.False(string.IsNullOrWhiteSpace(status.FailureMessage), "a failed batch must say why");
        Assert.Contains("'submissions/a/no-such-upload.csv' does not exist", status.FailureMessage, StringComparison.Ordinal);
    }

    private static async Task<BatchStatus> RunAsync(GradingHostLease host, BatchRequest request)
    {
        using var timeout = new CancellationTokenSource(BatchTimeout);
        var batchId = await host.Batches.StartAsync(request, timeout.Token);
        var status = await host.Batches.WaitAsync(batchId, cancellationToken: timeout.Token);
        Assert.True(status.Result is not null, $"Batch {batchId} ended {status.RuntimeStatus}: {status.FailureMessage}");
        return status;
    }

    private static async Task<IReadOnlyList<T>> ReadJsonlAsync<T>(GradingHostLease host, string batchId, string file)
    {
        var content = await host.Batches.ReadReportFileAsync(batchId, file);
        Assert.NotNull(content);
        return content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<T>(line, GradingJson.Options)!)
            .ToList();
    }
}
