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

    public Task<GradeWrite> WriteAsync(Grade grade, CancellationToken cancellationToken = default) =>
        WriteAsync(grade, source: null, markReviewed: false, cancellationToken);

    /// <param name="source">Where the grade's input is kept, recorded in the blob's metadata for re-grading.</param>
    /// <param name="markReviewed">A re-grade: record on the current grade that a re-grade has seen it at its input hash,
    /// so a grade that still needs review after re-grading is not taken again by the next one.</param>
    public async Task<GradeWrite> WriteAsync(Grade grade, GradeSource? source, bool markReviewed, CancellationToken cancellationToken = default)
    {
        var blob = storage.Container(Containers.Grades).GetBlobClient(CurrentBlob(grade.AssignmentId, grade.SubmissionId));

        // Most writes are a submission's first grade: try to create the blob outright (one round trip), and only when
        // it exists read it and decide whether it is the same grade or an earlier one to archive.
        if (await TryCreateAsync(blob, grade, source, markReviewed, cancellationToken))
        {
            return new GradeWrite(grade, Written: true);
        }

        for (var attempt = 0; ; attempt++)
        {
            var existing = await TryReadAsync(blob, cancellationToken);
            if (existing is { Grade: var current } && current.InputHash == grade.InputHash)
            {
                if (markReviewed && existing.Value.Metadata?.ReviewedHash != current.InputHash)
                {
                    if (!await TryMarkReviewedAsync(blob, existing.Value, cancellationToken))
                    {
                        continue;
                    }
                }

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
                await UploadAsync(blob, grade, source, markReviewed, conditions, cancellationToken);
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

    private static async Task<bool> TryCreateAsync(
        Azure.Storage.Blobs.BlobClient blob, Grade grade, GradeSource? source, bool markReviewed, CancellationToken cancellationToken)
    {
        try
        {
            await UploadAsync(blob, grade, source, markReviewed, new BlobRequestConditions { IfNoneMatch = ETag.All }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    private static Task UploadAsync(
        Azure.Storage.Blobs.BlobClient blob, Grade grade, GradeSource? source, bool markReviewed, BlobRequestConditions conditions, CancellationToken cancellationToken) =>
        blob.UploadAsync(
            BinaryData.FromObjectAsJson(grade, GradingJson.Indented),
            new BlobUploadOptions
            {
                Conditions = conditions,
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                Metadata = GradeBlobMetadata.Of(grade, source, markReviewed ? grade.InputHash : null).ToDictionary(),
            },
            cancellationToken);

    /// <summary>The current grades of an assignment with their metadata, from one listing (no downloads).</summary>
    public async IAsyncEnumerable<StoredGrade> ListCurrentAsync(string assignmentId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prefix = assignmentId + "/";
        var pages = storage.Container(Containers.Grades).GetBlobsByHierarchyAsync(
            new GetBlobsByHierarchyOptions { Prefix = prefix, Delimiter = "/", Traits = BlobTraits.Metadata }, cancellationToken);
        await foreach (var item in pages)
        {
            if (item.IsBlob && item.Blob.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                var submissionId = item.Blob.Name[prefix.Length..^".json".Length];
                yield return new StoredGrade(assignmentId, submissionId, GradeBlobMetadata.TryParse(item.Blob.Metadata));
            }
        }
    }

    /// <summary>The assignments that have grades: the top-level folders of the grades container.</summary>
    public async Task<IReadOnlyList<string>> ListAssignmentsAsync(CancellationToken cancellationToken = default)
    {
        var assignments = new List<string>();
        await foreach (var item in storage.Container(Containers.Grades).GetBlobsByHierarchyAsync(new GetBlobsByHierarchyOptions { Delimiter = "/" }, cancellationToken))
        {
            if (item.IsPrefix)
            {
                assignments.Add(item.Prefix.TrimEnd('/'));
            }
        }

        return assignments;
    }

    private static async Task<bool> TryMarkReviewedAsync(Azure.Storage.Blobs.BlobClient blob, StoredBlob existing, CancellationToken cancellationToken)
    {
        var current = existing.Grade;
        var metadata = (existing.Metadata ?? GradeBlobMetadata.Of(current, source: null)) with { ReviewedHash = current.InputHash };
        try
        {
            await blob.SetMetadataAsync(metadata.ToDictionary(), new BlobRequestConditions { IfMatch = existing.ETag }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Rewritten since we read it: read again and decide anew.
            return false;
        }
    }

    private Task ArchiveAsync(Grade previous, CancellationToken cancellationToken)
    {
        // Named by the grade's own content, so archiving the same grade twice writes the same blob.
        var name = $"{HistoryPrefix(previous.AssignmentId, previous.SubmissionId)}{previous.GradedAt.UtcDateTime:yyyyMMddTHHmmssfff}-{previous.InputHash}.json";
        return storage.UploadAsync(Containers.Grades, name, BinaryData.FromObjectAsJson(previous, GradingJson.Indented), cancellationToken);
    }

    private readonly record struct StoredBlob(Grade Grade, ETag ETag, GradeBlobMetadata? Metadata);

    private static async Task<StoredBlob?> TryReadAsync(Azure.Storage.Blobs.BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken);
            var grade = JsonSerializer.Deserialize<Grade>(content.Value.Content.ToMemory().Span, GradingJson.Options)!;
            return new StoredBlob(grade, content.Value.Details.ETag, GradeBlobMetadata.TryParse(content.Value.Details.Metadata));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
