namespace Grading.Orchestration.Storage;

/// <summary>A current grade blob as a listing shows it: whose it is and its metadata (null when it has none).</summary>
public sealed record StoredGrade(string AssignmentId, string SubmissionId, GradeBlobMetadata? Metadata);
