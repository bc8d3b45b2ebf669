namespace Grading.Orchestration.Messages;

public sealed record WriteReportInput(PreparedBatch Batch, IReadOnlyList<FailedChunk> FailedChunks);
