using Grading.Core.Reports;

namespace Grading.Orchestration.Api;

/// <summary>GET /api/batches/{id}: where the batch stands.</summary>
/// <param name="Status">running, completed, failed or canceled.</param>
/// <param name="RuntimeStatus">The Durable engine's own status (Pending, Running, Completed, Failed, Terminated).</param>
public sealed record BatchStatusResponse(
    string Id,
    string Status,
    string RuntimeStatus,
    BatchProgressResponse Progress,
    BatchSummary? Summary,
    string? Failure,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt);

/// <summary>Counts of the batch so far; <paramref name="Stage"/> is preparing, grading, reporting or completed.</summary>
public sealed record BatchProgressResponse(string Stage, int Total, int Graded, int Failed, int NeedsReview, int Rejected);
