namespace Grading.Orchestration.Messages;

/// <summary>The orchestration's custom status: what a progress bar or a status endpoint shows.</summary>
/// <param name="RunningRanges">
/// Instance ids of the <c>GradeChunkRange</c> sub-orchestrations in flight, whose counts are not in this status yet;
/// <see cref="Client.BatchProgressReader"/> adds them and clears this. Null when the batch runs without ranges.
/// </param>
public sealed record BatchProgress(
    string Stage,
    int Total,
    int Graded,
    int Failed,
    int NeedsReview,
    int Rejected,
    int ChunksDone,
    int ChunksTotal,
    IReadOnlyList<string>? RunningRanges = null)
{
    public const string Preparing = "preparing";
    public const string Grading = "grading";
    public const string Reporting = "reporting";
    public const string Completed = "completed";

    public static BatchProgress Starting { get; } = new(Preparing, 0, 0, 0, 0, 0, 0, 0);
}
