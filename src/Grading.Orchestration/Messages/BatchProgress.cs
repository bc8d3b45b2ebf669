namespace Grading.Orchestration.Messages;

/// <summary>The orchestration's custom status: what a progress bar or a status endpoint shows.</summary>
public sealed record BatchProgress(
    string Stage,
    int Total,
    int Graded,
    int Failed,
    int NeedsReview,
    int Rejected,
    int ChunksDone,
    int ChunksTotal)
{
    public const string Preparing = "preparing";
    public const string Grading = "grading";
    public const string Reporting = "reporting";
    public const string Completed = "completed";

    public static BatchProgress Starting { get; } = new(Preparing, 0, 0, 0, 0, 0, 0, 0);
}
