using Grading.Functions.Triggers;
using Grading.IntegrationTests.LocalEngine;
using Grading.IntegrationTests.Pipeline;
using Grading.Orchestration.Client;
using Grading.Orchestration.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Grading.IntegrationTests.Functions;

/// <summary>The blob trigger's method with real blobs on Azurite and a real Durable client.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SubmissionUploadedFunctionTests(AzuriteFixture azurite)
{
    private static async Task<int> InstancesAsync(DurableTaskClient client, string prefix)
    {
        var count = 0;
        await foreach (var _ in client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = prefix }))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public async Task Run_SameBlobDeliveredTwice_StartsOneBatch()
    {
        await using var host = await FunctionsHostLease.StartAsync(azurite);
        var function = new SubmissionUploadedFunction(host.FunctionsApi, NullLogger<SubmissionUploadedFunction>.Instance);
        var assignmentId = GeneratedBatches.NewAssignmentId();
        await host.Storage.EnsureContainersAsync();
        await host.Storage.UploadAsync(Containers.Assignments, assignmentId + ".json", new BinaryData(GeneratedBatches.AssignmentJson(assignmentId)));
        await host.Storage.UploadAsync(Containers.Submissions, $"{assignmentId}/week1.csv", new BinaryData(GeneratedBatches.Csv(5)));
        var blob = host.Storage.Container(Containers.Submissions).GetBlobClient($"{assignmentId}/week1.csv");

        var first = await function.Run(blob, assignmentId, "week1.csv", host.Client, CancellationToken.None);
        var second = await function.Run(blob, assignmentId, "week1.csv", host.Client, CancellationToken.None);

        Assert.True(first!.Started);
        Assert.Equal((first.BatchId, false), (second!.BatchId, second.Started));
        Assert.Equal(1, await InstancesAsync(host.Client, assignmentId));
        var status = await host.Services.GetRequiredService<BatchClient>().WaitAsync(first.BatchId).WaitAsync(TimeSpan.FromMinutes(3));
        Assert.Equal(5, status.Result!.Summary.Graded);
    }

    [Fact]
    public async Task Run_SameNameUploadedAgain_StartsANewBatchForTheNewContent()
    {
        await using var host = await FunctionsHostLease.StartAsync(azurite);
        var function = new SubmissionUploadedFunction(host.FunctionsApi, NullLogger<SubmissionUploadedFunction>.Instance);
        var assignmentId = GeneratedBatches.NewAssignmentId();
        await host.Storage.EnsureContainersAsync();
        var blob = host.Storage.Container(Containers.Submissions).GetBlobClient($"{assignmentId}/week1.csv");

        var batches = host.Services.GetRequiredService<BatchClient>();
        await host.Storage.UploadAsync(Containers.Assignments, assignmentId + ".json", new BinaryData(GeneratedBatches.AssignmentJson(assignmentId)));
        await host.Storage.UploadAsync(Containers.Submissions, blob.Name, new BinaryData(GeneratedBatches.Csv(2)));
        var first = await function.Run(blob, assignmentId, "week1.csv", host.Client, CancellationToken.None);
        var firstStatus = await batches.WaitAsync(first!.BatchId).WaitAsync(TimeSpan.FromMinutes(3));
        await host.Storage.UploadAsync(Containers.Submissions, blob.Name, new BinaryData(GeneratedBatches.Csv(3)));
        var second = await function.Run(blob, assignmentId, "week1.csv", host.Client, CancellationToken.None);
        var secondStatus = await batches.WaitAsync(second!.BatchId).WaitAsync(TimeSpan.FromMinutes(3));

        Assert.True(first.Started && second.Started);
        Assert.NotEqual(first.BatchId, second.BatchId);
        Assert.Equal(2, await InstancesAsync(host.Client, assignmentId));
        var graded = new[] { firstStatus.Result!.Summary.Graded, secondStatus.Result!.Summary.Graded };

        // Each batch graded the content its own upload had.
        Assert.Equal([2, 3], graded);
    }

    [Fact]
    public async Task StartUploaded_BlobReplacedBeforeTheBatchReadIt_FailsWithoutGradingTheNewContent()
    {
        await using var host = await FunctionsHostLease.StartAsync(azurite);
        var assignmentId = GeneratedBatches.NewAssignmentId();
        await host.Storage.EnsureContainersAsync();
        var blob = host.Storage.Container(Containers.Submissions).GetBlobClient($"{assignmentId}/week1.csv");
        await host.Storage.UploadAsync(Containers.Submissions, blob.Name, new BinaryData(GeneratedBatches.Csv(2)));
        var staleETag = (await blob.GetPropertiesAsync()).Value.ETag.ToString();
        await host.Storage.UploadAsync(Containers.Submissions, blob.Name, new BinaryData(GeneratedBatches.Csv(3)));
        var batches = host.Services.GetRequiredService<BatchClient>();

        var batch = await batches.StartUploadedAsync(assignmentId, "week1.csv", staleETag);
        var status = await batches.WaitAsync(batch!.BatchId).WaitAsync(TimeSpan.FromMinutes(3));

        // The batch was for the first upload; it must not grade the second one's rows under its id.
        Assert.Equal("Failed", status.RuntimeStatus);
        var grades = new List<string>();
        await foreach (var item in host.Storage.Container(Containers.Grades).GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = assignmentId + "/" }))
        {
            grades.Add(item.Name);
        }

        Assert.Empty(grades);
    }

    [Fact]
    public async Task Run_CopyWrittenByStartBatchOrOtherFile_StartsNothing()
    {
        await using var host = await FunctionsHostLease.StartAsync(azurite);
        var function = new SubmissionUploadedFunction(host.FunctionsApi, NullLogger<SubmissionUploadedFunction>.Instance);
        var assignmentId = GeneratedBatches.NewAssignmentId();
        var batchId = await host.Services.GetRequiredService<BatchClient>().StartAsync(new BatchRequest($"{assignmentId}.csv", GeneratedBatches.Csv(2)));
        await host.Storage.UploadAsync(Containers.Submissions, $"{assignmentId}/notes.txt", new BinaryData("not a batch"));
        var copy = host.Storage.Container(Containers.Submissions).GetBlobClient($"{assignmentId}/{batchId}.csv");
        var notes = host.Storage.Container(Containers.Submissions).GetBlobClient($"{assignmentId}/notes.txt");

        var fromCopy = await function.Run(copy, assignmentId, $"{batchId}.csv", host.Client, CancellationToken.None);
        var fromNotes = await function.Run(notes, assignmentId, "notes.txt", host.Client, CancellationToken.None);

        Assert.Null(fromCopy);
        Assert.Null(fromNotes);
        Assert.Equal(1, await InstancesAsync(host.Client, assignmentId));
        await host.Services.GetRequiredService<BatchClient>().WaitAsync(batchId).WaitAsync(TimeSpan.FromMinutes(3));
    }
}
