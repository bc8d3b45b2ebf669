namespace Grading.Orchestration.Messages;

/// <param name="Grader">The batch's grader kind; null for the host's configured grader.</param>
public sealed record GradeChunkInput(string BatchId, int ChunkIndex, double ReviewBelowConfidence, string? Grader = null);
