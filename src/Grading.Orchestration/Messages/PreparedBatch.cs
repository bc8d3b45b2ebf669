namespace Grading.Orchestration.Messages;

/// <summary>The batch after validation, split into chunk blobs numbered 0..ChunkCount-1.</summary>
public sealed record PreparedBatch(
    string BatchId,
    string AssignmentId,
    int Rows,
    int Submissions,
    int Rejected,
    int ChunkSize,
    int ChunkCount,
    DateTimeOffset StartedAt)
{
    public int SizeOfChunk(int index) => Math.Clamp(Submissions - (index * ChunkSize), 0, ChunkSize);
}
