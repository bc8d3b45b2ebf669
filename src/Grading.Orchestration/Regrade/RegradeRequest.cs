namespace Grading.Orchestration.Regrade;

/// <summary>
/// A re-grade to start: the grades of <paramref name="AssignmentId"/> (null: of every assignment) whose model version
/// or rubric hash differ from the current ones, and with <paramref name="IncludeNeedsReview"/> those flagged for review.
/// </summary>
/// <param name="Reason">Why (shown in the status and logs), e.g. "nightly" or "rubric of q3 fixed".</param>
/// <param name="ScheduledFor">The timer occurrence that asked for it; a second start for the same occurrence (a timer
/// fired twice, two hosts on one task hub) gets the same instance. Without it the current time slot is used.</param>
public sealed record RegradeRequest(string? AssignmentId, string Reason, bool IncludeNeedsReview, DateTimeOffset? ScheduledFor = null);
