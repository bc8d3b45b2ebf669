namespace Grading.Orchestration.Messages;

/// <param name="Grader">The batch's grader kind; null for the host's configured grader.</param>
/// <param name="Regrade">The chunk belongs to a re-grade: grades it leaves unchanged are marked as seen by it.</param>
public sealed record GradeChunkInput(string BatchId, int ChunkIndex, double ReviewBelowConfidence, string? Grader = null, bool Regrade = false);
