using Grading.Core.Batches;
using Grading.Inference.Hosting;
using Grading.Orchestration.Messages;
using Grading.Orchestration.Options;
using Grading.Orchestration.Orchestrators;
using Grading.Orchestration.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Grading.Orchestration.Client;

/// <summary>Starts, watches and reads batches; shared by the CLI, the HTTP API and the triggers.</summary>
public sealed class BatchClient(
    DurableTaskClient durable,
    GradingStorage storage,
    BatchWorkStore work,
    ReportStore reports,
    IOptions<GradingOptions> options,
    TimeProvider clock)
{
    /// <summary>Checks the files locally, uploads them, and schedules GradeBatch. Returns the batch id.</summary>
    /// <exception cref="BatchFormatException">The file is not a CSV or JSONL batch at all.</exception>
    /// <exception cref="AssignmentFormatException">The assignment file is unusable.</exception>
    public async Task<string> StartAsync(BatchRequest request, CancellationToken cancellationToken = default)
    {
        var assignment = request.Assignment is { } assignmentBytes ? AssignmentReader.Read(assignmentBytes) : null;
        var stem = Identifiers.FromName(Path.GetFileNameWithoutExtension(request.FileName), "batch");
        var defaultAssignmentId = assignment?.Id ?? stem;

        if (request.Grader is { } grader && !GraderCatalog.IsKnown(grader))
        {
            throw new BatchFormatException($"Unknown grader '{grader}' for this batch. Use one of: {string.Join(", ", GraderKinds.Selectable)}.");
        }

        // Fail fast on a file that is not a batch at all, before anything is uploaded.
        var format = BatchParser.DetectFormat(request.FileName, request.Content.Span);
        _ = BatchParser.Parse(request.Content.Span, format, assignment, defaultAssignmentId, new BatchLimits { MaxAnswerLength = options.Value.MaxAnswerLength });

        await storage.EnsureContainersAsync();
        var batchId = $"{defaultAssignmentId}-{clock.GetUtcNow():yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var extension = format == BatchFormat.Jsonl ? ".jsonl" : ".csv";
        var submissionsBlob = $"{defaultAssignmentId}/{batchId}{extension}";
        await storage.UploadAsync(
            Containers.Submissions, submissionsBlob, BinaryData.FromBytes(request.Content),
            new Dictionary<string, string> { [UploadedBatches.StartedBatchMetadata] = batchId }, cancellationToken);

        string? assignmentBlob = null;
        if (assignment is not null)
        {
            assignmentBlob = $"{assignment.Id}.json";
            await storage.UploadAsync(Containers.Assignments, assignmentBlob, new BinaryData(AssignmentReader.Write(assignment)), cancellationToken);
        }

        var sourceErrorsBlob = request.SourceErrors is { Count: > 0 } sourceErrors
            ? await work.WriteSourceErrorsAsync(batchId, sourceErrors, cancellationToken)
            : null;

        var input = new GradeBatchInput(
            batchId, submissionsBlob, assignmentBlob, defaultAssignmentId, BatchSettings.From(options.Value) with { Grader = request.Grader }, SourceErrorsBlob: sourceErrorsBlob);
        await durable.ScheduleNewOrchestrationInstanceAsync(
            GradeBatchOrchestrator.Name, input, new StartOrchestrationOptions { InstanceId = batchId }, cancellationToken);
        return batchId;
    }

    /// <summary>
    /// Starts the batch of a file uploaded to submissions/{assignmentId}/{blobName}, once: the batch id derives from
    /// the assignment, the name and the ETag, and nothing is scheduled when that instance exists, so a re-delivered
    /// blob event (or a second scan) never starts a second batch. A new upload over the same name has a new ETag and
    /// so starts a new batch. Returns null for blobs that are not batches (other extensions, the copies this client
    /// writes itself, ids outside the safe alphabet).
    /// </summary>
    public async Task<UploadedBatch?> StartUploadedAsync(string assignmentId, string blobName, string etag, CancellationToken cancellationToken = default)
    {
        if (UploadedBatches.BatchId(assignmentId, blobName, etag) is not { } batchId)
        {
            return null;
        }

        var submissionsBlob = $"{assignmentId}/{blobName}";
        var properties = await storage.Container(Containers.Submissions).GetBlobClient(submissionsBlob).GetPropertiesAsync(cancellationToken: cancellationToken);
        if (properties.Value.Metadata.ContainsKey(UploadedBatches.StartedBatchMetadata))
        {
            return null;
        }

        if (await durable.GetInstanceAsync(batchId, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            return new UploadedBatch(batchId, Started: false);
        }

        var assignmentBlob = $"{assignmentId}.json";
        var hasAssignment = await storage.Container(Containers.Assignments).GetBlobClient(assignmentBlob).ExistsAsync(cancellationToken);
        var input = new GradeBatchInput(batchId, submissionsBlob, hasAssignment.Value ? assignmentBlob : null, assignmentId, BatchSettings.From(options.Value), etag);
        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(
                GradeBatchOrchestrator.Name, input, new StartOrchestrationOptions { InstanceId = batchId }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Two deliveries of one event raced past the check above: the other one started it.
            if (await durable.GetInstanceAsync(batchId, getInputsAndOutputs: false, cancellationToken) is not null)
            {
                return new UploadedBatch(batchId, Started: false);
            }

            throw;
        }

        return new UploadedBatch(batchId, Started: true);
    }

    public async Task<BatchStatus?> GetStatusAsync(string batchId, CancellationToken cancellationToken = default)
    {
        var metadata = await durable.GetInstanceAsync(batchId, getInputsAndOutputs: true, cancellationToken);
        if (metadata is null)
        {
            return null;
        }

        var progress = await BatchProgressReader.ReadAsync(durable, metadata, cancellationToken);
        var result = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? metadata.ReadOutputAs<BatchResult>() : null;
        return new BatchStatus(
            batchId,
            metadata.RuntimeStatus.ToString(),
            progress,
            result,
            OrchestrationFailure.Message(metadata),
            metadata.CreatedAt,
            metadata.LastUpdatedAt);
    }

    /// <summary>Polls until the batch finishes, reporting each new progress value.</summary>
    public async Task<BatchStatus> WaitAsync(string batchId, IProgress<BatchProgress>? progress = null, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default)
    {
        var interval = pollInterval ?? TimeSpan.FromMilliseconds(250);
        while (true)
        {
            var status = await GetStatusAsync(batchId, cancellationToken);
            if (status?.Progress is { } current)
            {
                progress?.Report(current);
            }

            if (status is { IsFinished: true })
            {
                return status;
            }

            await Task.Delay(interval, cancellationToken);
        }
    }

    public Task CancelAsync(string batchId, string reason, CancellationToken cancellationToken = default) =>
        durable.TerminateInstanceAsync(batchId, reason, cancellationToken);

    public Task<BinaryData?> ReadReportFileAsync(string batchId, string fileName, CancellationToken cancellationToken = default) =>
        reports.TryReadAsync(batchId, fileName, cancellationToken);
}
