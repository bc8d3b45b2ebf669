namespace Grading.Orchestration.Messages;

/// <param name="Grader">The batch's grader kind (named in the summary); null for the host's configured grader.</param>
public sealed record WriteReportInput(PreparedBatch Batch, IReadOnlyList<FailedChunk> FailedChunks, string? Grader = null);
