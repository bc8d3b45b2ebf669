using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Grading.Orchestration.Api;

/// <summary>Reads a JSON request body within the size limit; every failure is a problem that names the field.</summary>
internal static class RequestBody
{
    /// <summary>The body as a JSON object, or the problem (413 over the limit, 415 not JSON, 400 malformed or not an object).</summary>
    public static async Task<(JsonObject? Body, ApiProblem? Problem)> ReadObjectAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentType is { Length: > 0 } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ApiProblem.UnsupportedMediaType(contentType, request.Path));
        }

        if (request.ContentLength > limit)
        {
            return (null, ApiProblem.TooLarge(limit, request.Path));
        }

        var bytes = await ReadUpToAsync(request.Body, limit, cancellationToken);
        if (bytes is null)
        {
            return (null, ApiProblem.TooLarge(limit, request.Path));
        }

        if (bytes.Length == 0)
        {
            return (null, ApiProblem.BadRequest("body", "the request body is empty; send a JSON object", request.Path));
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            return (null, ApiProblem.BadRequest("body", $"malformed JSON: {e.Message}", request.Path));
        }

        return node is JsonObject body
            ? (body, null)
            : (null, ApiProblem.BadRequest("body", $"expected a JSON object, found {node?.GetValueKind().ToString().ToLowerInvariant() ?? "null"}", request.Path));
    }

    /// <summary>The bytes, or null when the stream holds more than <paramref name="limit"/> (a chunked body has no Content-Length).</summary>
    private static async Task<byte[]?> ReadUpToAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
