using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Grading.Core.Domain;
using Grading.Core.Serialization;

namespace Grading.Orchestration.Storage;

/// <summary>
/// grades/{assignmentId}/{submissionId}.json holds the one current grade of a submission. Writing the same input
/// again (a retried activity, a repeated batch) leaves the blob as it is; a different grade replaces it and the
/// old one moves to grades/{assignmentId}/_history/{submissionId}/ for audit.
/// </summary>
public sealed class GradeStore(GradingStorage storage)
{
    public static string CurrentBlob(string assignmentId, string submissionId) => $"{assignmentId}/{submissionId}.json";

    public static string HistoryPrefix(string assignmentId, string submissionId) => $"{assignmentId}/_history/{submissionId}/";

    public async Task<GradeWrite> WriteAsync(Grade grade, CancellationToken cancellationToken = default)
    {
        var blob = storage.Container(Containers.Grades).GetBlobClient(CurrentBlob(grade.AssignmentId, grade.SubmissionId));
        for (var attempt = 0; ; attempt++)
        {
            var existing = await TryReadAsync(blob, cancellationToken);
            if (existing is { Grade: var current } && current.InputHash == grade.InputHash)
            {
                return new GradeWrite(current, Written: false);
            }

            try
            {
                if (existing is not null)
                {
                    await ArchiveAsync(existing.Value.Grade, cancellationToken);
                }

                var conditions = existing is null
                    ? new BlobRequestConditions { IfNoneMatch = ETag.All }
                    : new BlobRequestConditions { IfMatch = existing.Value.ETag };
                await blob.UploadAsync(
                    BinaryData.FromObjectAsJson(grade, GradingJson.Indented),
                    new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
                    cancellationToken);
                return new GradeWrite(grade, Written: true);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 3)
            {
                // Another worker wrote this submission between our read and write; read again and decide anew.
            }
        }
    }

    public async Task<Grade?> TryReadAsync(string assignmentId, string submissionId, CancellationToken cancellationToken = default)
    {
        var blob = storage.Container(Containers.Grades).GetBlobClient(CurrentBlob(assignmentId, submissionId));
        return (await TryReadAsync(blob, cancellationToken))?.Grade;
    }

    public async Task<IReadOnlyList<Grade>> ReadHistoryAsync(string assignmentId, string submissionId, CancellationToken cancellationToken = default)
    {
        var container = storage.Container(Containers.Grades);
        var history = new List<Grade>();
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = HistoryPrefix(assignmentId, submissionId) }, cancellationToken))
        {
            var content = await container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken);
            history.Add(content.Value.Content.ToObjectFromJson<Grade>(GradingJson.Options)!);
        }

        return history;
    }

    private Task ArchiveAsync(Grade previous, CancellationToken cancellationToken)
    {
        // Named by the grade's own content, so archiving the same grade twice writes the same blob.
        var name = $"{HistoryPrefix(previous.AssignmentId, previous.SubmissionId)}{previous.GradedAt.UtcDateTime:yyyyMMddTHHmmssfff}-{previous.InputHash}.json";
        return storage.UploadAsync(Containers.Grades, name, BinaryData.FromObjectAsJson(previous, GradingJson.Indented), cancellationToken);
    }

    private static async Task<(Grade Grade, ETag ETag)?> TryReadAsync(Azure.Storage.Blobs.BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken);
            var grade = JsonSerializer.Deserialize<Grade>(content.Value.Content.ToMemory().Span, GradingJson.Options)!;
            return (grade, content.Value.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
