namespace Grading.Orchestration.Api;

/// <summary>One field that made a request fail: the JSON path or parameter name, and why.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>An RFC 7807 problem details body (application/problem+json), with the fields at fault.</summary>
public sealed record ApiProblem(
    string Type,
    string Title,
    int Status,
    string Detail,
    string? Instance = null,
    IReadOnlyList<FieldError>? Errors = null)
{
    public const string ContentType = "application/problem+json";

    private const string TypeBase = "https://github.com/grading-functions/problems/";

    public static ApiProblem BadRequest(string field, string message, string? instance = null) =>
        new(TypeBase + "invalid-request", "The request is invalid.", 400, $"{field}: {message}", instance, [new FieldError(field, message)]);

    /// <summary>Errors listed in one problem; a body with 5,000 unknown fields answers with the first ones and a count.</summary>
    public const int MaxErrors = 50;

    public static ApiProblem BadRequest(IReadOnlyList<FieldError> errors, string? instance = null)
    {
        var listed = errors.Count <= MaxErrors
            ? errors
            : [.. errors.Take(MaxErrors), new FieldError("body", $"{errors.Count - MaxErrors:N0} more errors are not listed")];
        return new(TypeBase + "invalid-request", "The request is invalid.", 400, string.Join("; ", listed.Select(e => $"{e.Field}: {e.Message}")), instance, listed);
    }

    /// <summary>The body could not be read at all (cut short, too slow): the server's own status, naming "body".</summary>
    public static ApiProblem BadBody(int status, string message, string? instance = null) =>
        new(TypeBase + "unreadable-body", "The request body could not be read.", status, $"body: {message}", instance, [new FieldError("body", message)]);

    public static ApiProblem NotFound(string field, string detail, string? instance = null) =>
        new(TypeBase + "not-found", "Not found.", 404, detail, instance, [new FieldError(field, detail)]);

    public static ApiProblem Conflict(string detail, string? instance = null) =>
        new(TypeBase + "conflict", "The resource is not in a state that allows this.", 409, detail, instance);

    public static ApiProblem TooLarge(long limit, string? instance = null) =>
        new(TypeBase + "body-too-large", "The request body is too large.", 413, $"body: the request body is over the limit of {limit:N0} bytes (Grading:Api:MaxRequestBodyBytes)", instance, [new FieldError("body", $"the request body is over the limit of {limit:N0} bytes")]);

    public static ApiProblem Unauthorized(string? instance = null) =>
        new(TypeBase + "unauthorized", "A valid API key is required.", 401, "Send the key in the x-functions-key header or the code query parameter.", instance);

    public static ApiProblem UnsupportedMediaType(string? contentType, string reason, string? instance = null) =>
        new(TypeBase + "unsupported-media-type", "The body must be JSON.", 415, $"body: content type '{contentType}' {reason}", instance, [new FieldError("body", $"content type '{contentType}' {reason}")]);

    /// <summary>No route has this path (the field is "route"); the OpenAPI document lists them.</summary>
    public static ApiProblem NoRoute(string method, string path) =>
        new(TypeBase + "not-found", "Not found.", 404, $"route: no route {method} {path}; GET /api/openapi.json lists them", path, [new FieldError("route", $"no route {method} {path}")]);

    /// <summary>The path names a route, but not for this method.</summary>
    public static ApiProblem MethodNotAllowed(string method, string path, IReadOnlyList<string> allowed) =>
        new(TypeBase + "method-not-allowed", "The method is not allowed on this route.", 405, $"route: {path} answers {string.Join(", ", allowed)}, not {method}", path, [new FieldError("route", $"use {string.Join(" or ", allowed)}, not {method}")]);
}
