using Grading.Orchestration.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Grading.Cli.Hosting;

/// <summary>The API's routes as minimal APIs, each calling the same <see cref="GradingApi"/> handler as the Functions trigger.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapGradingApi(this IEndpointRouteBuilder endpoints)
    {
        Map(endpoints, ApiRoutes.Grade, (HttpRequest request, GradingApi api, CancellationToken cancellationToken) => api.GradeAsync(request, cancellationToken));
        Map(endpoints, ApiRoutes.StartBatch, (HttpRequest request, GradingApi api, CancellationToken cancellationToken) => api.StartBatchAsync(request, cancellationToken));
        Map(endpoints, ApiRoutes.BatchStatus, (HttpRequest request, string id, GradingApi api, CancellationToken cancellationToken) => api.GetBatchAsync(request, id, cancellationToken));
        Map(endpoints, ApiRoutes.BatchResults, (HttpRequest request, string id, GradingApi api, CancellationToken cancellationToken) => api.GetResultsAsync(request, id, cancellationToken));
        Map(endpoints, ApiRoutes.CancelBatch, (HttpRequest request, string id, GradingApi api, CancellationToken cancellationToken) => api.CancelBatchAsync(request, id, cancellationToken));
        Map(endpoints, ApiRoutes.StartRegrade, (HttpRequest request, RegradeApi api, CancellationToken cancellationToken) => api.StartAsync(request, cancellationToken));
        Map(endpoints, ApiRoutes.RegradeStatus, (HttpRequest request, string id, RegradeApi api, CancellationToken cancellationToken) => api.GetAsync(request, id, cancellationToken));
        Map(endpoints, ApiRoutes.Health, () => GradingApi.Health());
        Map(endpoints, ApiRoutes.OpenApi, () => GradingApi.OpenApi());

        // Any other path or method: a problem naming "route" (404, or 405 with Allow), not an empty framework answer.
        // "{*path}" rather than MapFallback's default, which skips paths that look like file names.
        endpoints.MapFallback("{*path}", (HttpRequest request) => UnmatchedRoute.Answer(request));
        return endpoints;
    }

    private static void Map(IEndpointRouteBuilder endpoints, ApiRoute route, Delegate handler) =>
        endpoints.MapMethods(route.Path, [route.Method], handler).WithName(route.Name);
}
