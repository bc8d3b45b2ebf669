using Microsoft.AspNetCore.Http;

namespace Grading.Orchestration.Api;

/// <summary>
/// The answer to a request no route takes: 405 with Allow when the path is a route's but the method is not, else 404;
/// both problem details naming "route", so a client never has to tell an empty framework error from an API error.
/// </summary>
public static class UnmatchedRoute
{
    public static ApiResult Answer(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        var allowed = ApiRoutes.All.Where(route => Matches(route.Path, path)).Select(route => route.Method).Distinct().Order().ToList();
        if (allowed.Count == 0)
        {
            return ApiResult.Problem(ApiProblem.NoRoute(request.Method, path));
        }

        return ApiResult.Problem(ApiProblem.MethodNotAllowed(request.Method, path, allowed), new Dictionary<string, string> { ["Allow"] = string.Join(", ", allowed) });
    }

    /// <summary>Whether a route template (e.g. /api/batches/{id}/results) has this path's shape; a {parameter} takes any one segment.</summary>
    public static bool Matches(string template, string path)
    {
        var expected = template.Trim('/').Split('/');
        var actual = path.Trim('/').Split('/');
        return expected.Length == actual.Length
            && expected.Zip(actual).All(pair => pair.First.StartsWith('{')
                ? pair.Second.Length > 0
                : string.Equals(pair.First, pair.Second, StringComparison.OrdinalIgnoreCase));
    }
}
