namespace Grading.Orchestration.Messages;

public sealed record RangeOutcome(ChunkOutcome Totals, IReadOnlyList<FailedChunk> FailedChunks);
