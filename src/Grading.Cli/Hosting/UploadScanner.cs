using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Grading.Core.Serialization;
using Grading.Orchestration.Client;
using Grading.Orchestration.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grading.Cli.Hosting;

/// <summary>
/// The local twin of the Functions blob trigger on submissions/{assignmentId}/{name}: scans the container and starts
/// each .jsonl/.csv upload's batch with the same instance-id rule (<see cref="BatchClient.StartUploadedAsync"/>). A
/// receipt (batches/_uploads/{batchId}.json) records that a blob started its batch, so later scans skip it cheaply.
/// </summary>
public sealed class UploadScanner(GradingStorage storage, BatchClient batches, IOptions<UploadScanOptions> options, ILogger<UploadScanner> logger)
    : BackgroundService
{
    public const string ReceiptPrefix = "_uploads/";

    public static string ReceiptName(string batchId) => $"{ReceiptPrefix}{batchId}.json";

    /// <summary>One pass over the container; returns the batches this pass started.</summary>
    public async Task<IReadOnlyList<UploadedBatch>> ScanOnceAsync(CancellationToken cancellationToken = default)
    {
        await storage.EnsureContainersAsync();
        var started = new List<UploadedBatch>();
        var receipts = storage.Container(Containers.Batches);
        await foreach (var blob in storage.Container(Containers.Submissions).GetBlobsAsync(
            new GetBlobsOptions { Prefix = options.Value.Prefix, Traits = BlobTraits.Metadata }, cancellationToken))
        {
            var slash = blob.Name.IndexOf('/');
            if (slash <= 0 || blob.Metadata.ContainsKey(UploadedBatches.StartedBatchMetadata))
            {
                continue;
            }

            var (assignmentId, name) = (blob.Name[..slash], blob.Name[(slash + 1)..]);
            if (UploadedBatches.BatchId(assignmentId, name, blob.Properties.ETag?.ToString() ?? "") is not { } batchId
                || (await receipts.GetBlobClient(ReceiptName(batchId)).ExistsAsync(cancellationToken)).Value)
            {
                continue;
            }

            var batch = await batches.StartUploadedAsync(assignmentId, name, blob.Properties.ETag!.Value.ToString(), cancellationToken);
            if (batch is null)
            {
                continue;
            }

            var receipt = new UploadReceipt(blob.Name, blob.Properties.ETag!.Value.ToString(), batch.BatchId, DateTimeOffset.UtcNow);
            await storage.UploadAsync(Containers.Batches, ReceiptName(batch.BatchId), BinaryData.FromObjectAsJson(receipt, GradingJson.Options), cancellationToken);
            if (batch.Started)
            {
                logger.LogInformation("submissions/{Blob}: batch {BatchId} started", blob.Name, batch.BatchId);
                started.Add(batch);
            }
        }

        return started;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Scan)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.ScanInterval);
        do
        {
            try
            {
                await ScanOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage hiccups must not stop the host; the next tick scans again.
                logger.LogWarning(e, "Scanning the submissions container failed; retrying in {Interval}", options.Value.ScanInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary>batches/_uploads/{batchId}.json: which upload (blob and ETag) started which batch, and when.</summary>
public sealed record UploadReceipt(string Blob, string ETag, string BatchId, DateTimeOffset StartedAt);
