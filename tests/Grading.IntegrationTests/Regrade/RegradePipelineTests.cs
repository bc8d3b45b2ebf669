using Azure;
using Grading.Core.Batches;
using Grading.Core.Domain;
using Grading.Core.Grading;
using Grading.IntegrationTests.Faults;
using Grading.IntegrationTests.LocalEngine;
using Grading.IntegrationTests.Pipeline;
using Grading.Orchestration.Client;
using Grading.Orchestration.Regrade;
using Grading.Orchestration.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Grading.IntegrationTests.Regrade;

/// <summary>The re-grade end to end on the real engine, Azurite and the default grader.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RegradePipelineTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Regrade_RubricChanged_RegradesThatQuestionKeepsOldVersionsAndTheSecondRunRegradesNothing()
    {
        await using var host = await GradingHostLease.StartAsync(azurite);
        var assignmentId = GeneratedBatches.NewAssignmentId();
        await GradeAsync(host, assignmentId, rows: 20);
        var before = await ReadGradesAsync(host, assignmentId);

        // The teacher fixes the reference answer of one question; the other question's rubric is unchanged.
        var assignment = GeneratedBatches.Assignment(assignmentId);
        var changed = assignment with
        {
            Questions = assignment.Questions
                .Select(q => q.Id == "photosynthesis" ? q with { ReferenceAnswers = ["Plants make glucose and oxygen from light, water and carbon dioxide."] } : q)
                .ToList(),
        };
        await host.Storage.UploadAsync(Containers.Assignments, $"{assignmentId}.json", new BinaryData(AssignmentReader.Write(changed)));

        var first = await RegradeAsync(host, new RegradeRequest(assignmentId, "reference answer fixed", IncludeNeedsReview: false));

        var regraded = before.Values.Where(g => g.QuestionId == "photosynthesis").Select(g => g.SubmissionId).Order().ToList();
        var one = Assert.Single(first.Assignments);
        Assert.Equal((20, 16, 0, 16, 16, 0), (one.Checked, one.Stale, one.ModelChanged, one.RubricChanged, one.Regraded, one.MissingInput));
        var after = await ReadGradesAsync(host, assignmentId);
        var newHash = RubricHash.Of(changed.FindQuestion("photosynthesis")!);
        Assert.All(regraded, id => Assert.Equal(newHash, after[id].RubricHash));
        Assert.All(regraded, id => Assert.NotEqual(before[id].InputHash, after[id].InputHash));
        Assert.All(after.Values.Where(g => g.QuestionId == "gravity"), g => Assert.Equal((before[g.SubmissionId].InputHash, before[g.SubmissionId].GradedAt), (g.InputHash, g.GradedAt)));
        var history = await host.HistoryBlobsAsync(assignmentId);
        Assert.Equal(regraded, history.Select(name => name.Split('/')[2]).Order());
        Assert.All(regraded, id => Assert.Equal(before[id].InputHash, Assert.Single(history, h => h.Split('/')[2] == id).Split('-')[^1].Replace(".json", "")));

        var etags = await EtagsAsync(host, assignmentId);
        var second = await RegradeAsync(host, new RegradeRequest(assignmentId, "nightly", IncludeNeedsReview: false));

        Assert.Equal((20, 0, 0), (second.Assignments[0].Checked, second.Assignments[0].Stale, second.Regraded));
        Assert.Equal(etags, await EtagsAsync(host, assignmentId));
        Assert.Equal(history, await host.HistoryBlobsAsync(assignmentId));
    }

    [Fact]
    public async Task Regrade_EveryAssignment_RegradesEachInASubOrchestrationThatFansOutThroughChunkRanges()
    {
        // Every assignment in the storage account is re-graded, so the test has an emulator of its own.
        await using var storage = await PrivateAzurite.StartAsync(azurite.RepositoryRoot, firstPort: 20040);
        await using var host = await GradingHostLease.StartAsync(azurite, new GradingHostSetup
        {
            StorageConnectionString = storage.ConnectionString,
            Configuration = new Dictionary<string, string?> { ["Grading:ChunkSize"] = "2", ["Grading:MaxChunksPerOrchestration"] = "3" },
        });
        var changedId = GeneratedBatches.NewAssignmentId();
        var unchangedId = GeneratedBatches.NewAssignmentId();
        await GradeAsync(host, changedId, rows: 20);
        await GradeAsync(host, unchangedId, rows: 10);
        var unchangedEtags = await EtagsAsync(host, unchangedId);
        var assignment = GeneratedBatches.Assignment(changedId);
        var changed = assignment with
        {
            Questions = assignment.Questions
                .Select(q => q.Id == "photosynthesis" ? q with { ReferenceAnswers = ["Plants make glucose and oxygen from light, water and carbon dioxide."] } : q)
                .ToList(),
        };
        await host.Storage.UploadAsync(Containers.Assignments, $"{changedId}.json", new BinaryData(AssignmentReader.Write(changed)));

        var result = await RegradeAsync(host, new RegradeRequest(null, "reference answer fixed", IncludeNeedsReview: false));

        Assert.Equal(new[] { changedId, unchangedId }.Order(), result.Assignments.Select(a => a.AssignmentId).Order());
        var regraded = Assert.Single(result.Assignments, a => a.AssignmentId == changedId);
        var untouched = Assert.Single(result.Assignments, a => a.AssignmentId == unchangedId);
        Assert.Equal((20, 16, 16, 16, 0), (regraded.Checked, regraded.Stale, regraded.RubricChanged, regraded.Regraded, regraded.Failed));
        Assert.Equal((10, 0, 0), (untouched.Checked, untouched.Stale, untouched.Regraded));

        // One sub-orchestration per assignment; the 16 stale grades are 8 chunks of 2, in ranges of 3 chunks: 3 GradeChunkRange instances.
        var durable = host.Services.GetRequiredService<DurableTaskClient>();
        foreach (var instanceId in new[] { $"{result.RegradeId}-{changedId}", $"{result.RegradeId}-{unchangedId}" }
            .Concat(new[] { 0, 3, 6 }.Select(start => $"{result.RegradeId}-{changedId}:range:{start}")))
        {
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await durable.GetInstanceAsync(instanceId))?.RuntimeStatus);
        }

        var after = await ReadGradesAsync(host, changedId);
        var newHash = RubricHash.Of(changed.FindQuestion("photosynthesis")!);
        Assert.Equal(16, after.Values.Count(g => g.RubricHash == newHash));
        Assert.Equal(16, (await host.HistoryBlobsAsync(changedId)).Count);
        Assert.Equal(unchangedEtags, await EtagsAsync(host, unchangedId));
    }

    [Fact]
    public async Task Regrade_NewModelVersion_RegradesEveryGradeOnceWithTheNewVersion()
    {
        await using var host = await GradingHostLease.StartAsync(azurite, AdjustableGrader.Decorate);
        var grader = host.Services.GetRequiredService<AdjustableGrader>();
        var assignmentId = GeneratedBatches.NewAssignmentId();
        await GradeAsync(host, assignmentId, rows: 12);

        grader.ModelVersion += "+retrained";
        var answersBefore = grader.Answers;
        var first = await RegradeAsync(host, new RegradeRequest(assignmentId, "model retrained", IncludeNeedsReview: false));

        Assert.Equal((12, 12, 12), (first.Assignments[0].Stale, first.Assignments[0].ModelChanged, first.Regraded));
        Assert.Equal(12, grader.Answers - answersBefore);
        var after = await ReadGradesAsync(host, assignmentId);
        Assert.All(after.Values, g => Assert.Equal(grader.ModelVersion, g.ModelVersion));
        Assert.Equal(12, (await host.HistoryBlobsAsync(assignmentId)).Count);

        var etags = await EtagsAsync(host, assignmentId);
        var second = await RegradeAsync(host, new RegradeRequest(assignmentId, "model retrained, again", IncludeNeedsReview: false));

        Assert.Equal(0, second.Regraded);
        Assert.Equal(12, grader.Answers - answersBefore);
        Assert.Equal(etags, await EtagsAsync(host, assignmentId));
        Assert.Equal(12, (await host.HistoryBlobsAsync(assignmentId)).Count);
    }

    [Fact]
    public async Task Regrade_NeedsReviewIncluded_RegradesFlaggedGradesOnceAndOnlyWhenAsked()
    {
        await using var host = await GradingHostLease.StartAsync(azurite, AdjustableGrader.Decorate);
        var grader = host.Services.GetRequiredService<AdjustableGrader>();
        grader.NoConfidence = true;
        var assignmentId = GeneratedBatches.NewAssignmentId();
        await GradeAsync(host, assignmentId, rows: 6);
        var answersBefore = grader.Answers;

        var notAsked = await RegradeAsync(host, new RegradeRequest(assignmentId, "review not asked", IncludeNeedsReview: false));
        var asked = await RegradeAsync(host, new RegradeRequest(assignmentId, "review asked", IncludeNeedsReview: true));
        var again = await RegradeAsync(host, new RegradeRequest(assignmentId, "review asked again", IncludeNeedsReview: true));

        Assert.Equal(0, notAsked.Regraded);
        Assert.Equal((6, 6), (asked.Assignments[0].NeedsReview, asked.Regraded));
        Assert.Equal(0, again.Regraded);
        Assert.Equal(6, grader.Answers - answersBefore);
        Assert.Empty(await host.HistoryBlobsAsync(assignmentId));
    }

    [Fact]
    public async Task StartAsync_SameRequestTwiceInOneSlot_StartsOneInstance()
    {
        await using var host = await GradingHostLease.StartAsync(azurite);
        var assignmentId = GeneratedBatches.NewAssignmentId();
        var occurrence = new DateTimeOffset(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);
        var request = new RegradeRequest(assignmentId, LocalRegradeReason, IncludeNeedsReview: false, ScheduledFor: occurrence);

        var ids = await Task.WhenAll(host.Regrades.StartAsync(request), host.Regrades.StartAsync(request));
        var next = await host.Regrades.StartAsync(request with { ScheduledFor = occurrence.AddDays(1) });

        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[0], next);
        using var timeout = new CancellationTokenSource(Timeout);
        Assert.Equal("Completed", (await host.Regrades.WaitAsync(ids[0], cancellationToken: timeout.Token)).RuntimeStatus);
    }

    private const string LocalRegradeReason = "scheduled";

    private static async Task GradeAsync(GradingHostLease host, string assignmentId, int rows)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var batchId = await host.Batches.StartAsync(new BatchRequest("batch.csv", GeneratedBatches.Csv(rows), GeneratedBatches.AssignmentJson(assignmentId)), timeout.Token);
        var status = await host.Batches.WaitAsync(batchId, cancellationToken: timeout.Token);
        Assert.True(status.Result is not null, $"Batch {batchId} ended {status.RuntimeStatus}: {status.FailureMessage}");
    }

    private static async Task<RegradeResult> RegradeAsync(GradingHostLease host, RegradeRequest request)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var regradeId = await host.Regrades.StartAsync(request, timeout.Token);
        var status = await host.Regrades.WaitAsync(regradeId, cancellationToken: timeout.Token);
        Assert.True(status.Result is not null, $"Re-grade {regradeId} ended {status.RuntimeStatus}: {status.FailureMessage}");
        return status.Result;
    }

    private static async Task<IReadOnlyDictionary<string, Grade>> ReadGradesAsync(GradingHostLease host, string assignmentId)
    {
        var grades = new Dictionary<string, Grade>();
        foreach (var name in (await host.CurrentGradeBlobsAsync(assignmentId)).Keys)
        {
            var submissionId = name[(assignmentId.Length + 1)..^".json".Length];
            grades[submissionId] = (await host.Grades.TryReadAsync(assignmentId, submissionId))!;
        }

        return grades;
    }

    private static async Task<IReadOnlyDictionary<string, ETag>> EtagsAsync(GradingHostLease host, string assignmentId) =>
        (await host.CurrentGradeBlobsAsync(assignmentId)).ToDictionary(b => b.Key, b => b.Value.Properties.ETag!.Value);
}
