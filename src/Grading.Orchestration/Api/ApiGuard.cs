using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Grading.Orchestration.Api;

/// <summary>Runs a handler so that an unexpected failure is a 500 problem with a trace id, never a bare error page or a dropped connection.</summary>
internal static partial class ApiGuard
{
    /// <param name="logMessages">
    /// Whether the log may carry the exception's message. A grader's exception can quote the answer, so handlers that
    /// see answers pass <c>Grading:LogAnswerText</c>: without it the log has the exception's type and stack, not its message.
    /// </param>
    public static async Task<ApiResult> RunAsync(HttpRequest request, ILogger logger, bool logMessages, Func<Task<ApiResult>> handler)
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
            // The client gets the trace id only: exception messages can hold storage names and request content.
            var traceId = Activity.Current?.Id ?? request.HttpContext.TraceIdentifier;
            if (logMessages)
            {
                LogFailed(logger, e, request.Method, request.Path.ToString(), traceId);
            }
            else
            {
                LogFailedWithheld(logger, request.Method, request.Path.ToString(), traceId, e.GetType().FullName, e.StackTrace);
            }

            return ApiResult.Problem(new ApiProblem(
                "https://github.com/grading-functions/problems/internal-error", "The request failed.", 500,
                $"An unexpected error occurred (trace id {traceId}); the server log has the details.", request.Path));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed (trace {TraceId})")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method, string path, string traceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed (trace {TraceId}) with {ExceptionType}; message withheld: it may quote the answer; set Grading:LogAnswerText to log it. {StackTrace}")]
    private static partial void LogFailedWithheld(ILogger logger, string method, string path, string traceId, string? exceptionType, string? stackTrace);
}
