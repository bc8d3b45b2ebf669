using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Grading.Orchestration.Api;

/// <summary>Runs a handler so that an unexpected failure is a 500 problem with a trace id, never a bare error page or a dropped connection.</summary>
internal static class ApiGuard
{
    public static async Task<ApiResult> RunAsync(HttpRequest request, ILogger logger, Func<Task<ApiResult>> handler)
    {
        try
        {
            return await handler();
        }
        catch (OperationCanceledException) when (request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // The details stay in the log: exception messages can hold storage names and request content.
            var traceId = Activity.Current?.Id ?? request.HttpContext.TraceIdentifier;
            logger.LogError(e, "{Method} {Path} failed (trace {TraceId})", request.Method, request.Path, traceId);
            return ApiResult.Problem(new ApiProblem(
                "https://github.com/grading-functions/problems/internal-error", "The request failed.", 500,
                $"An unexpected error occurred (trace id {traceId}); the server log has the details.", request.Path));
        }
    }
}
