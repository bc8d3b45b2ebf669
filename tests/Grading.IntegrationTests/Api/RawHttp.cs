using System.Net.Sockets;
using System.Text;

namespace Grading.IntegrationTests.Api;

/// <summary>
/// HTTP/1.1 over a bare socket, so a test sends exactly the bytes it means: request targets HttpClient would normalise
/// (%2e%2e, backslashes), bodies with a wrong Content-Length story, chunked bodies of any size.
/// </summary>
public static class RawHttp
{
    public sealed record Response(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        public string? ContentType => Headers.TryGetValue("content-type", out var value) ? value : null;

        public string Text => Encoding.UTF8.GetString(Body);
    }

    public static async Task<Response> SendAsync(Uri server, string method, string target, IReadOnlyList<(string Name, string Value)> headers, byte[] body, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellationToken);
        await using var stream = client.GetStream();

        var chunked = headers.Any(h => h.Name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && h.Value.Contains("chunked", StringComparison.OrdinalIgnoreCase));
        var head = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        // A case may state its own Content-Length (one that lies about the body); otherwise it is the body's.
        var statedLength = headers.Any(h => h.Name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase));
        if (!chunked && !statedLength && (body.Length > 0 || method is "POST" or "PUT"))
        {
            head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        }

        head.Append("\r\n");

        // Send while reading: a server may answer (413) before it has read the body, and then stop reading it.
        var send = SendBodyAsync(stream, Encoding.Latin1.GetBytes(head.ToString()), body, chunked, cancellationToken);
        var received = new MemoryStream();
        await stream.CopyToAsync(received, cancellationToken);
        try
        {
            await send;
        }
        catch (IOException) when (received.Length > 0)
        {
            // The server answered and closed before taking the whole body: the answer is what counts.
        }

        return Parse(received.ToArray());
    }

    private static async Task SendBodyAsync(NetworkStream stream, byte[] head, byte[] body, bool chunked, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(head, cancellationToken);
        if (!chunked)
        {
            await stream.WriteAsync(body, cancellationToken);
            return;
        }

        foreach (var chunk in body.Chunk(64 * 1024))
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"{chunk.Length:X}\r\n"), cancellationToken);
            await stream.WriteAsync(chunk, cancellationToken);
            await stream.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
        }

        await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellationToken);
    }

    private static Response Parse(byte[] response)
    {
        var headEnd = response.AsSpan().IndexOf("\r\n\r\n"u8);
        if (headEnd < 0)
        {
            throw new InvalidOperationException($"not an HTTP response ({response.Length} bytes): {Encoding.Latin1.GetString(response.AsSpan(0, Math.Min(200, response.Length)))}");
        }

        var lines = Encoding.Latin1.GetString(response, 0, headEnd).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1]);
        var headers = lines.Skip(1).Select(line => line.Split(':', 2))
            .GroupBy(parts => parts[0].Trim().ToLowerInvariant())
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(parts => parts[1].Trim())));
        var body = response.AsSpan(headEnd + 4).ToArray();
        if (headers.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Unchunk(body);
        }

        return new Response(status, headers, body);
    }

    private static byte[] Unchunk(byte[] body)
    {
        var output = new MemoryStream();
        var position = 0;
        while (true)
        {
            var lineEnd = body.AsSpan(position).IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(body, position, lineEnd).Split(';')[0], 16);
            position += lineEnd + 2;
            if (size == 0)
            {
                return output.ToArray();
            }

            output.Write(body, position, size);
            position += size + 2;
        }
    }
}
