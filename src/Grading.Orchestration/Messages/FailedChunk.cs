namespace Grading.Orchestration.Messages;

/// <summary>A chunk whose activity failed after every retry; its rows are reported as failed, the batch goes on.</summary>
public sealed record FailedChunk(int ChunkIndex, string Reason);
