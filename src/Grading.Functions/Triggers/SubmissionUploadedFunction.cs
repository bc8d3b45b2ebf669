using Azure.Storage.Blobs;
using Grading.Functions.Hosting;
using Grading.Orchestration.Client;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Grading.Functions.Triggers;

/// <summary>
/// A .jsonl or .csv file uploaded to submissions/{assignmentId}/ starts its batch. Blob events can be delivered more
/// than once; the batch id derives from assignment, name and ETag, so a repeat finds the batch and starts nothing.
/// </summary>
public sealed class SubmissionUploadedFunction(FunctionsApi functions, ILogger<SubmissionUploadedFunction> logger)
{
    public const string Name = "SubmissionUploaded";

    [Function(Name)]
    public async Task<UploadedBatch?> Run(
        [BlobTrigger("submissions/{assignmentId}/{name}", Connection = "AzureWebJobsStorage")] BlobClient blob,
        string assignmentId,
        string name,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (!UploadedBatches.IsBatchFile(name))
        {
            return null;
        }

        var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        var batch = await functions.Batches(client).StartUploadedAsync(assignmentId, name, properties.Value.ETag.ToString(), cancellationToken);
        if (batch is null)
        {
            logger.LogInformation("submissions/{AssignmentId}/{Name} is not a batch upload; skipped", assignmentId, name);
        }
        else
        {
            logger.LogInformation("submissions/{AssignmentId}/{Name}: batch {BatchId} {What}", assignmentId, name, batch.BatchId, batch.Started ? "started" : "already started");
        }

        return batch;
    }
}
