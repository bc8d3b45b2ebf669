namespace Grading.Orchestration.Storage;

/// <summary>
/// Where the input of a grade is kept: submission <paramref name="Position"/> of chunk <paramref name="ChunkIndex"/>
/// of batch <paramref name="BatchId"/> (batches/{batchId}/chunks/). Re-grading reads the answer from there.
/// </summary>
public sealed record GradeSource(string BatchId, int ChunkIndex, int Position);
