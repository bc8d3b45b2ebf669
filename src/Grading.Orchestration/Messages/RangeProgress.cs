namespace Grading.Orchestration.Messages;

/// <summary>
/// The custom status of a <c>GradeChunkRange</c> sub-orchestration. The parent only learns a range's counts when the
/// whole range ends, so <see cref="Client.BatchProgressReader"/> adds the running ranges' own counts to the parent's.
/// </summary>
public sealed record RangeProgress(int ChunksDone, int ChunksTotal, int Graded, int Failed, int NeedsReview);
