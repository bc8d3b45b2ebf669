using System.Net.Http.Headers;
using System.Text;
using System.Text.Unicode;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Grading.Orchestration.Api;

/// <summary>Reads a JSON request body within the size limit; every failure is a problem that names the field.</summary>
internal static class RequestBody
{
    /// <summary>Deeper JSON than any request needs; deeper input is refused before it costs stack or memory.</summary>
    public const int MaxDepth = 64;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly JsonDocumentOptions ParseOptions = new()
    {
        MaxDepth = MaxDepth,
        // With a field given twice, which value was graded would be a guess (and a way to hide an answer from a reviewer).
        AllowDuplicateProperties = false,
    };

    /// <summary>The body as a JSON object, or the problem (413 over the limit, 415 not JSON, 400 malformed or not an object).</summary>
    public static async Task<(JsonObject? Body, ApiProblem? Problem)> ReadObjectAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (ContentTypeProblem(request.ContentType) is { } reason)
        {
            return (null, ApiProblem.UnsupportedMediaType(request.ContentType, reason, request.Path));
        }

        if (request.ContentLength > limit)
        {
            return (null, ApiProblem.TooLarge(limit, request.Path));
        }

        byte[]? bytes;
        try
        {
            bytes = await ReadUpToAsync(request.Body, limit, cancellationToken);
        }
        catch (BadHttpRequestException e)
        {
            // The server gave up on the body: it ended before its Content-Length, or arrived too slowly (Kestrel's
            // minimum data rate). The status (400, 408, 413) is the server's; the client may already be gone.
            return (null, ApiProblem.BadBody(e.StatusCode, $"the request body could not be read: {e.Message}", request.Path));
        }

        if (bytes is null)
        {
            return (null, ApiProblem.TooLarge(limit, request.Path));
        }

        if (bytes.Length == 0)
        {
            return (null, ApiProblem.BadRequest("body", "the request body is empty; send a JSON object", request.Path));
        }

        // The parser would carry invalid bytes into strings as U+FFFD, grading an answer the student never wrote.
        if (InvalidUtf8At(bytes) is { } offset)
        {
            return (null, ApiProblem.BadRequest("body", $"the request body is not valid UTF-8 text (first bad byte at offset {offset:N0}); send JSON encoded as UTF-8", request.Path));
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(bytes, documentOptions: ParseOptions);
        }
        catch (JsonException e)
        {
            return (null, ApiProblem.BadRequest("body", $"malformed JSON: {Describe(e)}", request.Path));
        }

        return node is JsonObject body
            ? (body, null)
            : (null, ApiProblem.BadRequest("body", $"expected a JSON object, found {JsonFields.Describe(node)}", request.Path));
    }

    /// <summary>
    /// Why the content type is refused, or null. No content type is read as JSON (a bare curl --data-binary); otherwise
    /// application/json or a +json type, and UTF-8 when a charset is named.
    /// </summary>
    private static string? ContentTypeProblem(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType is not { } mediaType)
        {
            return "must be application/json";
        }

        if (!mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            && !(mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
        {
            return "must be application/json";
        }

        return parsed.CharSet is { Length: > 0 } charset && !charset.Trim('"').Replace("-", "", StringComparison.Ordinal).Equals("utf8", StringComparison.OrdinalIgnoreCase)
            ? $"must be application/json in utf-8, not charset {charset}"
            : null;
    }

    private static long? InvalidUtf8At(byte[] bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return null;
        }

        try
        {
            _ = StrictUtf8.GetCharCount(bytes);
            return null;
        }
        catch (DecoderFallbackException e)
        {
            return e.Index;
        }
    }

    /// <summary>The parser's message, which names the line and byte; a depth error also says the limit.</summary>
    private static string Describe(JsonException e) =>
        e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
            ? $"nested deeper than {MaxDepth} levels (depth limit) at byte {e.BytePositionInLine}"
            : e.Message;

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
