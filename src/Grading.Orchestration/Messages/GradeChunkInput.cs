namespace Grading.Orchestration.Messages;

public sealed record GradeChunkInput(string BatchId, int ChunkIndex, double ReviewBelowConfidence);
