using System.Security.Cryptography;
using System.Text;
using Grading.Core.Batches;

namespace Grading.Orchestration.Client;

/// <summary>The rule both upload triggers (the Functions blob trigger and the local scanner) share: which blobs are batches, and their batch id.</summary>
public static class UploadedBatches
{
    /// <summary>Blob metadata on the copies <see cref="BatchClient.StartAsync"/> writes: those already are a batch's input.</summary>
    public const string StartedBatchMetadata = "gradingbatch";

    public static IReadOnlyList<string> Extensions { get; } = [".jsonl", ".csv"];

    public static bool IsBatchFile(string blobName) =>
        Extensions.Contains(Path.GetExtension(blobName).ToLowerInvariant());

    /// <summary>
    /// "{assignmentId}-{name}-{hash}": readable, and the hash of assignment, name and ETag makes one upload one id.
    /// Null when the blob is not a batch file or the assignment id is not a safe identifier.
    /// </summary>
    public static string? BatchId(string assignmentId, string blobName, string etag)
    {
        if (!Identifiers.IsValid(assignmentId) || !IsBatchFile(blobName) || string.IsNullOrEmpty(etag))
        {
            return null;
        }

        var stem = Identifiers.Sanitise(Path.GetFileNameWithoutExtension(blobName), 30);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{assignmentId}\n{blobName}\n{etag.Trim('"')}")))[..16];
        var prefix = assignmentId.Length > 60 ? assignmentId[..60] : assignmentId;
        var id = stem.Length > 0 ? $"{prefix}-{stem}-{hash}" : $"{prefix}-{hash}";
        return Identifiers.IsValid(id) ? id : $"upload-{hash}";
    }
}
