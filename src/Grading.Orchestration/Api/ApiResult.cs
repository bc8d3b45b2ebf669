using System.Text.Json;
using Grading.Core.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Grading.Orchestration.Api;

/// <summary>
/// What a handler answers: status, headers and body bytes. It is both an <see cref="IResult"/> (minimal APIs on Kestrel)
/// and an <see cref="IActionResult"/> (Azure Functions' ASP.NET Core integration), so each host returns it as it is.
/// </summary>
public sealed class ApiResult : IResult, IActionResult
{
    private ApiResult(int status, string? contentType, ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, string>? headers = null)
    {
        Status = status;
        ContentType = contentType;
        Body = body;
        Headers = headers ?? new Dictionary<string, string>();
    }

    public int Status { get; }

    public string? ContentType { get; }

    public ReadOnlyMemory<byte> Body { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public static ApiResult Json<T>(int status, T value, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(value, GradingJson.Options), headers);

    public static ApiResult Problem(ApiProblem problem, IReadOnlyDictionary<string, string>? headers = null) =>
        new(problem.Status, ApiProblem.ContentType, JsonSerializer.SerializeToUtf8Bytes(problem, GradingJson.Options), headers);

    public static ApiResult Bytes(int status, string contentType, ReadOnlyMemory<byte> body) => new(status, contentType, body);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = Status;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        if (ContentType is not null)
        {
            response.ContentType = ContentType;
        }

        response.ContentLength = Body.Length;
        await response.Body.WriteAsync(Body, httpContext.RequestAborted);
    }

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);
}
