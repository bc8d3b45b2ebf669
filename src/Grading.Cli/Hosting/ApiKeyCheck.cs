using System.Security.Cryptography;
using System.Text;
using Grading.Orchestration.Api;
using Microsoft.AspNetCore.Http;

namespace Grading.Cli.Hosting;

/// <summary>
/// The local twin of Azure Functions' function keys: every route but the anonymous ones needs the key, in the
/// x-functions-key header or the code query parameter, compared in constant time.
/// </summary>
public sealed class ApiKeyCheck(string apiKey)
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    private readonly byte[] expected = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));

    private static readonly IReadOnlySet<string> AnonymousPaths =
        ApiRoutes.All.Where(r => r.Anonymous).Select(r => r.Path).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (AnonymousPaths.Contains(context.Request.Path.Value ?? "") || IsAuthorized(context.Request))
        {
            await next(context);
            return;
        }

        await ApiResult.Problem(ApiProblem.Unauthorized(context.Request.Path)).ExecuteAsync(context);
    }

    public bool IsAuthorized(HttpRequest request)
    {
        var given = request.Headers[HeaderName].FirstOrDefault() ?? request.Query[QueryName].FirstOrDefault();
        // Hashing first makes both sides the same length, so the comparison time says nothing about the key.
        return given is not null && CryptographicOperations.FixedTimeEquals(expected, SHA256.HashData(Encoding.UTF8.GetBytes(given)));
    }
}
