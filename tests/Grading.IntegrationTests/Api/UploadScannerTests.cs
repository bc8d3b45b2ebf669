using Grading.Cli.Hosting;
using Grading.IntegrationTests.LocalEngine;
using Grading.IntegrationTests.Pipeline;
using Grading.Orchestration.Client;
using Grading.Orchestration.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Grading.IntegrationTests.Api;

/// <summary>serve's local twin of the blob trigger, on Azurite with the real engine.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class UploadScannerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ScanOnce_UploadScannedTwice_StartsOneBatchAndWritesItsReceipt()
    {
        var assignmentId = GeneratedBatches.NewAssignmentId();
        await using var host = await ServeHostLease.StartAsync(azurite, configuration: new Dictionary<string, string?> { ["Grading:Uploads:Prefix"] = assignmentId + "/" });
        var storage = host.Services.GetRequiredService<GradingStorage>();
        var scanner = host.Services.GetRequiredService<UploadScanner>();
        await storage.EnsureContainersAsync();
        await storage.UploadAsync(Containers.Assignments, assignmentId + ".json", new BinaryData(GeneratedBatches.AssignmentJson(assignmentId)));
        await storage.UploadAsync(Containers.Submissions, $"{assignmentId}/week2.csv", new BinaryData(GeneratedBatches.Csv(4)));
        await storage.UploadAsync(Containers.Submissions, $"{assignmentId}/readme.txt", new BinaryData("not a batch"));

        var first = await scanner.ScanOnceAsync();
        var second = await scanner.ScanOnceAsync();

        var batch = Assert.Single(first);
        Assert.Empty(second);
        var etag = (await storage.Container(Containers.Submissions).GetBlobClient($"{assignmentId}/week2.csv").GetPropertiesAsync()).Value.ETag.ToString();
        Assert.Equal(UploadedBatches.BatchId(assignmentId, "week2.csv", etag), batch.BatchId);
        Assert.NotNull(await storage.TryDownloadAsync(Containers.Batches, UploadScanner.ReceiptName(batch.BatchId)));
        var status = await host.Services.GetRequiredService<BatchClient>().WaitAsync(batch.BatchId).WaitAsync(TimeSpan.FromMinutes(3));
        Assert.Equal(4, status.Result!.Summary.Graded);
    }

    [Fact]
    public async Task Serve_ScannerOn_GradesAnUploadWithoutAnyRequest()
    {
        var assignmentId = GeneratedBatches.NewAssignmentId();
        await using var host = await ServeHostLease.StartAsync(azurite, configuration: new Dictionary<string, string?>
        {
            ["Grading:Uploads:Scan"] = "true", ["Grading:Uploads:ScanInterval"] = "00:00:00.500", ["Grading:Uploads:Prefix"] = assignmentId + "/",
        });
        var storage = host.Services.GetRequiredService<GradingStorage>();
        await storage.EnsureContainersAsync();
        await storage.UploadAsync(Containers.Assignments, assignmentId + ".json", new BinaryData(GeneratedBatches.AssignmentJson(assignmentId)));
        await storage.UploadAsync(Containers.Submissions, $"{assignmentId}/week3.csv", new BinaryData(GeneratedBatches.Csv(3)));
        var etag = (await storage.Container(Containers.Submissions).GetBlobClient($"{assignmentId}/week3.csv").GetPropertiesAsync()).Value.ETag.ToString();
        var batchId = UploadedBatches.BatchId(assignmentId, "week3.csv", etag)!;

        var status = await host.WaitAsync(batchId, TimeSpan.FromMinutes(3));

        Assert.Equal(("completed", 3), (status.Status, status.Progress.Graded));
    }
}
