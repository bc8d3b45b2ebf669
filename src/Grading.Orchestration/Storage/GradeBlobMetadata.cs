using Grading.Core.Domain;

namespace Grading.Orchestration.Storage;

/// <summary>
/// What re-grading needs to know about a current grade, kept in its blob's metadata so that one listing of
/// grades/{assignmentId}/ finds the stale grades without downloading any of them. Written in the same request as the grade.
/// </summary>
/// <param name="ReviewedHash">The input hash at which a re-grade last looked at this grade; a needsReview grade with
/// this equal to its <see cref="InputHash"/> was already re-graded and is not taken again.</param>
public sealed record GradeBlobMetadata(
    string ModelVersion,
    string RubricHash,
    string InputHash,
    bool NeedsReview,
    GradeSource? Source,
    string? ReviewedHash = null)
{
    private const string ModelVersionKey = "modelversion";
    private const string RubricHashKey = "rubrichash";
    private const string InputHashKey = "inputhash";
    private const string NeedsReviewKey = "needsreview";
    private const string SourceBatchKey = "sourcebatch";
    private const string SourceChunkKey = "sourcechunk";
    private const string SourcePositionKey = "sourceposition";
    private const string ReviewedHashKey = "reviewedhash";

    public static GradeBlobMetadata Of(Grade grade, GradeSource? source, string? reviewedHash = null) =>
        new(grade.ModelVersion, grade.RubricHash, grade.InputHash, grade.NeedsReview, source, reviewedHash);

    /// <summary>Blob metadata values must be ASCII: free text is percent-encoded.</summary>
    public IDictionary<string, string> ToDictionary()
    {
        var values = new Dictionary<string, string>
        {
            [ModelVersionKey] = Uri.EscapeDataString(ModelVersion),
            [RubricHashKey] = Uri.EscapeDataString(RubricHash),
            [InputHashKey] = Uri.EscapeDataString(InputHash),
            [NeedsReviewKey] = NeedsReview ? "true" : "false",
        };
        if (Source is not null)
        {
            values[SourceBatchKey] = Uri.EscapeDataString(Source.BatchId);
            values[SourceChunkKey] = Source.ChunkIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
            values[SourcePositionKey] = Source.Position.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (ReviewedHash is not null)
        {
            values[ReviewedHashKey] = Uri.EscapeDataString(ReviewedHash);
        }

        return values;
    }

    /// <summary>Null for a blob written before grades carried metadata (or by hand): read the grade itself then.</summary>
    public static GradeBlobMetadata? TryParse(IDictionary<string, string>? metadata)
    {
        if (metadata is null
            || !metadata.TryGetValue(ModelVersionKey, out var modelVersion)
            || !metadata.TryGetValue(RubricHashKey, out var rubricHash)
            || !metadata.TryGetValue(InputHashKey, out var inputHash)
            || !metadata.TryGetValue(NeedsReviewKey, out var needsReview))
        {
            return null;
        }

        GradeSource? source = null;
        if (metadata.TryGetValue(SourceBatchKey, out var batch)
            && metadata.TryGetValue(SourceChunkKey, out var chunk) && int.TryParse(chunk, System.Globalization.CultureInfo.InvariantCulture, out var chunkIndex)
            && metadata.TryGetValue(SourcePositionKey, out var position) && int.TryParse(position, System.Globalization.CultureInfo.InvariantCulture, out var positionIndex))
        {
            source = new GradeSource(Uri.UnescapeDataString(batch), chunkIndex, positionIndex);
        }

        return new GradeBlobMetadata(
            Uri.UnescapeDataString(modelVersion),
            Uri.UnescapeDataString(rubricHash),
            Uri.UnescapeDataString(inputHash),
            needsReview == "true",
            source,
            metadata.TryGetValue(ReviewedHashKey, out var reviewed) ? Uri.UnescapeDataString(reviewed) : null);
    }
}
