namespace Grading.Orchestration.Messages;

/// <summary>Counts from one graded chunk; the grades themselves are in blobs.</summary>
public sealed record ChunkOutcome(int ChunkIndex, int Graded, int Failed, int NeedsReview)
{
    public static ChunkOutcome None { get; } = new(-1, 0, 0, 0);

    public ChunkOutcome Add(ChunkOutcome other) =>
        new(-1, Graded + other.Graded, Failed + other.Failed, NeedsReview + other.NeedsReview);
}
