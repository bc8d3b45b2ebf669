namespace Grading.Orchestration.Api;

/// <summary>The 202 answer to POST /api/batches: the batch id and where to follow it.</summary>
public sealed record BatchAccepted(string Id, string StatusUrl, string ResultsUrl, string CancelUrl);
