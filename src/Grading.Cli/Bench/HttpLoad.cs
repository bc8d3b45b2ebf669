using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;

namespace Grading.Cli.Bench;

/// <summary>One round of the HTTP benchmark: what the clients sent, how long each answer took, what failed and why.</summary>
internal sealed record LoadRound(int Requests, int Errors, IReadOnlyDictionary<string, (int Count, string Example)> ErrorReasons, double P50Ms, double P95Ms, double P99Ms, double PerSecond);

/// <summary>
/// Drives POST /api/grade with <c>clients</c> concurrent clients, each sending its next request as soon as the last is
/// answered, until the round's time is up. An error is any answer but 200 with a grade, or no answer (timeout, reset).
/// </summary>
internal static class HttpLoad
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public static async Task<LoadRound> RunAsync(HttpClient client, IReadOnlyList<byte[]> bodies, int clients, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var latencies = Enumerable.Range(0, clients).Select(_ => new List<double>()).ToArray();
        var errors = new ConcurrentDictionary<string, (int Count, string Example)>();
        var next = Random.Shared.Next(bodies.Count);
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        await Task.WhenAll(Enumerable.Range(0, clients).Select(async index =>
        {
            // Each client's loop runs off the caller's context, as independent callers would.
            await Task.Yield();
            while (Stopwatch.GetTimestamp() < stopAt && !cancellationToken.IsCancellationRequested)
            {
                var body = bodies[(Interlocked.Increment(ref next) & int.MaxValue) % bodies.Count];
                var sent = Stopwatch.GetTimestamp();
                var failure = await SendAsync(client, body, cancellationToken);
                if (failure is null)
                {
                    latencies[index].Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }
                else
                {
                    errors.AddOrUpdate(failure.Value.Reason, _ => (1, failure.Value.Detail), (_, seen) => (seen.Count + 1, seen.Example));
                }
            }
        }));

        var elapsed = Stopwatch.GetElapsedTime(started);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var errorCount = errors.Values.Sum(e => e.Count);
        return new LoadRound(
            all.Length + errorCount,
            errorCount,
            errors,
            Percentile(all, 0.50),
            Percentile(all, 0.95),
            Percentile(all, 0.99),
            (all.Length + errorCount) / elapsed.TotalSeconds);
    }

    /// <summary>Null when the answer is a grade; otherwise a short reason to count by and one example's detail.</summary>
    private static async Task<(string Reason, string Detail)?> SendAsync(HttpClient client, byte[] body, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = Json;
            using var response = await client.PostAsync("api/grade", content, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return ($"HTTP {(int)response.StatusCode}", text.Length > 300 ? text[..300] : text);
            }

            return text.Contains("\"score\":", StringComparison.Ordinal) ? null : ("200 without a grade", text.Length > 300 ? text[..300] : text);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return ("timeout", e.Message);
        }
        catch (HttpRequestException e)
        {
            return ($"connection: {e.HttpRequestError}", e.InnerException?.Message ?? e.Message);
        }
    }

    /// <summary>Nearest-rank percentile of sorted values, in milliseconds rounded to 0.1; 0 when there are none.</summary>
    public static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)], 1);
}
