namespace Grading.Orchestration.Api;

/// <summary>
/// Every route of the API, in one list both hosts map from and the OpenAPI document is checked against.
/// A new route is one constant here, one handler on <see cref="GradingApi"/>, one line per host.
/// </summary>
public static class ApiRoutes
{
    public static ApiRoute Grade { get; } = new("GradeAnswer", "POST", "grade");
    public static ApiRoute StartBatch { get; } = new("StartBatch", "POST", "batches");
    public static ApiRoute BatchStatus { get; } = new("GetBatch", "GET", "batches/{id}");
    public static ApiRoute BatchResults { get; } = new("GetBatchResults", "GET", "batches/{id}/results");
    public static ApiRoute CancelBatch { get; } = new("CancelBatch", "POST", "batches/{id}/cancel");
    public static ApiRoute StartRegrade { get; } = new("StartRegrade", "POST", "regrade");
    public static ApiRoute RegradeStatus { get; } = new("GetRegrade", "GET", "regrades/{id}");
    public static ApiRoute Health { get; } = new("Health", "GET", "health", Anonymous: true);
    public static ApiRoute OpenApi { get; } = new("OpenApi", "GET", "openapi.json");

    public static IReadOnlyList<ApiRoute> All { get; } = [Grade, StartBatch, BatchStatus, BatchResults, CancelBatch, StartRegrade, RegradeStatus, Health, OpenApi];
}
