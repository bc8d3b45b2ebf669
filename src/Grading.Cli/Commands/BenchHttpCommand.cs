using System.ComponentModel;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Grading.Cli.Bench;
using Grading.Cli.Hosting;
using Grading.Cli.LocalEngine;
using Grading.Core.Batches;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grading.Cli.Commands;

/// <summary>
/// <c>grading bench http --clients 50 --seconds 60</c>: drives POST /api/grade on <c>grading serve</c> (started in this
/// process on loopback, or an already running one given by a loopback --url) with concurrent clients, in rounds, and
/// prints requests, errors, latency percentiles, throughput and memory per round; the last line is one JSON object.
/// </summary>
public sealed class BenchHttpCommand : AsyncCommand<BenchHttpCommand.Settings>
{
    public const int MaxClients = 200;
    public const int MaxSeconds = 300;
    public const int MaxRounds = 10;

    public sealed class Settings : LocalHostSettings
    {
        [CommandOption("--clients <N>")]
        [Description("Concurrent clients, each sending its next request when the last is answered. 1 to 200. Default: 50.")]
        public int Clients { get; init; } = 50;

        [CommandOption("--seconds <N>")]
        [Description("Length of each round. 1 to 300. Default: 60.")]
        public int Seconds { get; init; } = 60;

        [CommandOption("--rounds <N>")]
        [Description("Rounds, with memory read after each (working set, and GC heap after a full collection). 1 to 10. Default: 3. "
            + "memory_growing is true when " + MemoryReading.Rule + ".")]
        public int Rounds { get; init; } = 3;

        [CommandOption("--url <URL>")]
        [Description("A running grading serve to drive instead of one started here. Loopback only (127.0.0.1, ::1, localhost); memory is then not read.")]
        public string? Url { get; init; }

        [CommandOption("--api-key <KEY>")]
        [Description("The key the --url server asks for (sent as x-functions-key).")]
        public string? ApiKey { get; init; }

        [CommandOption("-a|--assignment <FILE>")]
        [Description("The assignment the answers answer. Default: samples/intro-science/assignment.json of the checkout.")]
        public string? Assignment { get; init; }

        [CommandOption("--answers <FILE>")]
        [Description("CSV of answers (submissionId,questionId,answer) to vary. Default: samples/intro-science/batch.csv of the checkout.")]
        public string? Answers { get; init; }

        public override ValidationResult Validate()
        {
            if (Clients is < 1 or > MaxClients || Seconds is < 1 or > MaxSeconds || Rounds is < 1 or > MaxRounds)
            {
                return ValidationResult.Error($"--clients must be 1 to {MaxClients}, --seconds 1 to {MaxSeconds}, --rounds 1 to {MaxRounds}.");
            }

            if (Url is not null && TargetProblem(Url) is { } problem)
            {
                return ValidationResult.Error(problem);
            }

            return base.Validate();
        }

        /// <summary>Why the benchmark may not drive this URL, or null: it sends thousands of requests, so only to this machine.</summary>
        public static string? TargetProblem(string url) =>
            !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                ? $"--url '{url}' is not an http:// or https:// URL."
                : !ServeOptions.IsLoopback(uri)
                    ? $"--url '{url}' is not a loopback address: the benchmark only drives a server on this machine (127.0.0.1, ::1 or localhost)."
                    : null;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<byte[]> bodies;
        try
        {
            var root = settings.Assignment is null || settings.Answers is null ? RepositoryRoot.Find(Directory.GetCurrentDirectory()) : "";
            var assignment = AssignmentReader.Read(File.ReadAllBytes(settings.Assignment ?? Path.Combine(root, "samples", "intro-science", "assignment.json")));
            bodies = SampleAnswers.Bodies(assignment, File.ReadAllBytes(settings.Answers ?? Path.Combine(root, "samples", "intro-science", "batch.csv")));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or AssignmentFormatException or BatchFormatException)
        {
            Console.Error.WriteLine($"grading: {e.Message}");
            return 2;
        }

        WebApplication? server = null;
        try
        {
            Uri target;
            if (settings.Url is { } url)
            {
                target = new Uri(url.EndsWith('/') ? url : url + "/");
            }
            else
            {
                server = await StartServerAsync(settings, cancellationToken);
                target = new Uri(ServeHost.Addresses(server).Single() + "/");
            }

            using var client = CreateClient(target, settings);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"POST {target}api/grade: {settings.Clients} clients, {settings.Rounds} rounds of {settings.Seconds} s, {bodies.Count} different answers"));

            // Warm-up, not counted: model load, JIT, connections.
            var warmUp = await HttpLoad.RunAsync(client, bodies, settings.Clients, TimeSpan.FromSeconds(Math.Min(5, settings.Seconds)), cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up: {warmUp.Requests} requests, {warmUp.Errors} errors"));
            PrintErrors(warmUp);

            var rounds = new List<(LoadRound Load, MemoryReading? Memory)>();
            for (var round = 1; round <= settings.Rounds; round++)
            {
                var load = await HttpLoad.RunAsync(client, bodies, settings.Clients, TimeSpan.FromSeconds(settings.Seconds), cancellationToken);
                var memory = server is null ? null : MemoryReading.Take();
                rounds.Add((load, memory));
                var memoryText = memory is null
                    ? ""
                    : string.Create(CultureInfo.InvariantCulture, $"; working set {memory.WorkingSetMb:0.0} MB, GC heap {memory.GcHeapMb:0.0} MB after a full collection");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round}: {load.Requests} requests, {load.Errors} errors, p50 {load.P50Ms:0.0} ms, p95 {load.P95Ms:0.0} ms, p99 {load.P99Ms:0.0} ms, {load.PerSecond:0.0}/s{memoryText}"));
                PrintErrors(load);
            }

            var readings = rounds.Where(r => r.Memory is not null).Select(r => r.Memory!).ToList();
            var loadAverage = LoadAverage.Read() is { } averages ? string.Join(' ', averages) : null;
            if (loadAverage is not null)
            {
                Console.WriteLine($"load average: {loadAverage}");
            }

            var requests = rounds.Sum(r => r.Load.Requests);
            var errors = rounds.Sum(r => r.Load.Errors);
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                clients = settings.Clients,
                seconds = settings.Seconds,
                rounds = settings.Rounds,
                requests,
                errors,
                p50_ms = rounds.Select(r => r.Load.P50Ms).ToArray(),
                p95_ms = rounds.Select(r => r.Load.P95Ms).ToArray(),
                p99_ms = rounds.Select(r => r.Load.P99Ms).ToArray(),
                per_s = rounds.Select(r => Math.Round(r.Load.PerSecond, 1)).ToArray(),
                requests_per_round = rounds.Select(r => r.Load.Requests).ToArray(),
                errors_per_round = rounds.Select(r => r.Load.Errors).ToArray(),
                memory_mb = server is null ? null : readings.Select(m => m.GcHeapMb).ToArray(),
                working_set_mb = server is null ? null : readings.Select(m => m.WorkingSetMb).ToArray(),
                memory_growing = server is null ? (bool?)null : MemoryReading.IsGrowing(readings),
                load_average = loadAverage,
            }));
            return errors == 0 ? 0 : 1;
        }
        catch (LocalEngineUnavailableException e)
        {
            Console.Error.WriteLine($"grading: {e.Message}");
            return 2;
        }
        finally
        {
            if (server is not null)
            {
                using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await server.StopAsync(stopping.Token);
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// <c>grading serve</c>'s host on a free loopback port, on its own task hub (default benchhttp), with the upload scanner
    /// and the scheduled re-grade off: the benchmark must not start batches or re-grades on the storage account's data.
    /// </summary>
    private static Task<WebApplication> StartServerAsync(Settings settings, CancellationToken cancellationToken)
    {
        var options = LocalHostOptions.From(settings);
        if (settings.TaskHub is null && Environment.GetEnvironmentVariable("Grading__TaskHub") is null)
        {
            options = options with { TaskHubName = "benchhttp" };
        }

        options = options with { Configuration = new Dictionary<string, string?> { ["Grading:Uploads:Scan"] = "false" } };
        return ServeHost.StartAsync(
            options,
            new ServeOptions(["http://127.0.0.1:0"], ApiKey: null),
            services =>
            {
                foreach (var scheduler in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(LocalRegradeScheduler)).ToList())
                {
                    services.Remove(scheduler);
                }
            },
            cancellationToken);
    }

    private static HttpClient CreateClient(Uri target, Settings settings)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = settings.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var client = new HttpClient(handler) { BaseAddress = target, Timeout = TimeSpan.FromSeconds(60), DefaultRequestVersion = HttpVersion.Version11 };
        if (settings.ApiKey is { Length: > 0 } key)
        {
            client.DefaultRequestHeaders.Add(ApiKeyCheck.HeaderName, key);
        }

        return client;
    }

    private static void PrintErrors(LoadRound round)
    {
        foreach (var (reason, (count, example)) in round.ErrorReasons.OrderByDescending(e => e.Value.Count))
        {
            Console.WriteLine($"  {count} x {reason}: {example}");
        }
    }
}
