namespace Grading.Orchestration.Storage;

/// <summary>A blob read at a given ETag has changed since: the version a batch was started for is gone.</summary>
public sealed class BlobChangedException(string message) : Exception(message);
