namespace Grading.Orchestration.Api;

/// <summary>The 202 answer to POST /api/regrade: the re-grade id and where to follow it.</summary>
public sealed record RegradeAccepted(string Id, string StatusUrl);
