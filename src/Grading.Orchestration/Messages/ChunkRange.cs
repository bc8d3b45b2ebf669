namespace Grading.Orchestration.Messages;

/// <summary>Chunks [Start, Start + Count) of a batch, graded by one orchestration.</summary>
public sealed record ChunkRange(PreparedBatch Batch, int Start, int Count, BatchSettings Settings);
