namespace Grading.Orchestration.Api;

/// <summary>GET /api/health: the process answers. It loads no model and touches no storage, so probes stay cheap.</summary>
public sealed record HealthResponse(string Status);
