namespace Grading.Orchestration.Regrade;

/// <summary>What a re-grade did to one assignment. <paramref name="ReportPrefix"/> is null when nothing was stale.</summary>
public sealed record AssignmentRegrade(
    string AssignmentId,
    string BatchId,
    int Checked,
    int Stale,
    int ModelChanged,
    int RubricChanged,
    int NeedsReview,
    int MissingInput,
    int Regraded,
    int Failed,
    string? ReportPrefix);
