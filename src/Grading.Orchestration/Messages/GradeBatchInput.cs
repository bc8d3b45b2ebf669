namespace Grading.Orchestration.Messages;

/// <summary>
/// Starts a batch. It names blobs, never carries rows: <paramref name="SubmissionsBlob"/> is a blob in the
/// submissions container, <paramref name="AssignmentBlob"/> (optional) one in the assignments container.
/// <paramref name="SubmissionsETag"/>, set for uploads, pins the version the batch was started for.
/// <paramref name="SourceErrorsBlob"/>, a blob in the batches container, holds what the client could not make into rows
/// (a SAF directory's unreadable files); null when there was nothing, so the batch does not look for it.
/// </summary>
public sealed record GradeBatchInput(
    string BatchId,
    string SubmissionsBlob,
    string? AssignmentBlob,
    string DefaultAssignmentId,
    BatchSettings Settings,
    string? SubmissionsETag = null,
    string? SourceErrorsBlob = null);
