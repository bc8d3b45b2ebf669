namespace Grading.Orchestration.Client;

/// <summary>The batch of an uploaded file; <paramref name="Started"/> is false when an earlier delivery already started it.</summary>
public sealed record UploadedBatch(string BatchId, bool Started);
