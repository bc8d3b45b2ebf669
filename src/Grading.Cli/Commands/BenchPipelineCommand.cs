using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Grading.Cli.Bench;
using Grading.Cli.Hosting;
using Grading.Cli.LocalEngine;
using Grading.Core.Batches;
using Grading.Core.Grading;
using Grading.Orchestration.Client;
using Grading.Orchestration.Options;
using Grading.Orchestration.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grading.Cli.Commands;

/// <summary>
/// <c>grading bench pipeline --n 2000</c>: grades the same generated submissions with the grader called directly
/// (same chunks, one after another) and through the durable pipeline on the local engine (upload, prepare, fan-out,
/// grade blobs, report), and compares answers per second. The engine and the grader are started and warmed before
/// either is timed. Unless <c>--storage</c> names one, the pipeline runs on an empty Azurite of the benchmark's own,
/// so the figures do not depend on what earlier runs left in the checkout's. The last line is one JSON object for scripts.
/// </summary>
public sealed class BenchPipelineCommand : AsyncCommand<BenchPipelineCommand.Settings>
{
    public sealed class Settings : LocalHostSettings
    {
        [CommandOption("-n|--count <N>")]
        [Description("Submissions to grade. Default: 2000. (`--n N` works too.)")]
        public int Count { get; init; } = 2000;

        [CommandOption("--answer-chars <N>")]
        [Description("Make every generated answer at least N characters long (SAF's answers are about 500). Default: 0, answers of about 20-100 characters.")]
        public int AnswerCharacters { get; init; }

        [CommandOption("--keep")]
        [Description("Keep what the runs wrote: the benchmark's own Azurite's data folder, or on a storage named with --storage the grades of throwaway bench-* assignments, reports and orchestration history. By default it is deleted at the end, after the figures (on a named Azurite about 4 s per 1,000 answers when it is empty, far longer when it holds many blobs).")]
        public bool Keep { get; init; }

        [CommandOption("--runs <N>")]
        [Description("Runs of each path, interleaved; the fastest of each counts (the machine may be shared). Default: 1.")]
        public int Runs { get; init; } = 1;

        public override ValidationResult Validate() =>
            Count < 1 || Runs < 1 ? ValidationResult.Error("--n and --runs must be at least 1.")
            : AnswerCharacters is < 0 or > 20_000 ? ValidationResult.Error("--answer-chars must be between 0 and 20,000 (the longest answer a batch takes).")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = LocalHostOptions.From(settings);
        await using var ownAzurite = settings.Storage is null && options.StorageConnectionString == LocalHostOptions.DevelopmentStorage
            ? await PrivateAzurite.StartAsync(RepositoryRoot.Find(), cancellationToken)
            : null;
        if (ownAzurite is not null)
        {
            options = options with { StorageConnectionString = ownAzurite.ConnectionString };
            ownAzurite.KeepData = settings.Keep;
            Console.Error.WriteLine($"storage: an empty Azurite of the benchmark's own in {ownAzurite.DataDirectory} (--storage {LocalHostOptions.DevelopmentStorage} runs on the checkout's)");
        }

        using var host = await LocalHost.StartAsync(options, TimedGrader.Decorate, cancellationToken);
        var grader = host.Services.GetRequiredService<IGrader>();
        var timed = host.Services.GetRequiredService<TimedGrader>();
        var batches = host.Services.GetRequiredService<BatchClient>();
        var chunkSize = host.Services.GetRequiredService<IOptions<GradingOptions>>().Value.ChunkSize;
        var csv = BenchBatch.Csv(settings.Count, settings.AnswerCharacters);
        var leftovers = new BenchLeftovers(host.Services.GetRequiredService<GradingStorage>(), host.Services.GetRequiredService<DurableTaskClient>());

        // Both paths grade the same parsed submissions; warm the grader (model load, question embeddings) first.
        var assignment = BenchBatch.Assignment("bench");
        var parsed = BatchParser.Parse(csv, BatchFormat.Csv, assignment, assignment.Id);
        var questions = assignment.Questions.ToDictionary(q => q.Id);
        var requests = parsed.Submissions.Select(s => new GradingRequest(s, questions[s.QuestionId])).ToList();
        await grader.GradeAsync(requests.Take(chunkSize).ToList(), cancellationToken);
        await RunPipelineAsync(batches, BenchBatch.Csv(Math.Min(settings.Count, chunkSize * 4), settings.AnswerCharacters), leftovers, cancellationToken);

        var direct = TimeSpan.MaxValue;
        var pipeline = TimeSpan.MaxValue;
        var checkoutAzurite = options.StorageConnectionString == LocalHostOptions.DevelopmentStorage;
        Func<TimeSpan?> storageCpuTime = ownAzurite is not null ? ownAzurite.CpuTime : checkoutAzurite ? AzuriteProcess.CpuTime : () => null;
        var blobDatabase = checkoutAzurite ? AzuriteProcess.BlobDatabaseBytes(AzuriteLauncher.DataDirectory(RepositoryRoot.Find())) : 0;
        if (blobDatabase > AzuriteProcess.CrowdedBlobDatabaseBytes)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warning: Azurite holds {blobDatabase / 1e6:0} MB of blob metadata from earlier runs and spends more CPU per request on it; `scripts/azurite.sh reset` empties it for comparable figures."));
        }

        (TimeSpan Process, TimeSpan? Storage) fastestPipelineCpu = default;
        for (var run = 0; run < settings.Runs; run++)
        {
            timed.Reset();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            foreach (var chunk in requests.Chunk(chunkSize))
            {
                await grader.GradeAsync(chunk, cancellationToken);
            }

            var directRun = stopwatch.Elapsed;
            var directCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            timed.Reset();
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var storageCpu = storageCpuTime();
            var pipelineRun = await RunPipelineAsync(batches, csv, leftovers, cancellationToken);
            var pipelineCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            storageCpu = storageCpuTime() - storageCpu;
            var (busy, span) = timed.Reset();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run + 1}: direct {settings.Count / directRun.TotalSeconds:0.0}/s ({directRun.TotalSeconds:0.00} s, cpu {directCpu.TotalSeconds:0.0} s), pipeline {settings.Count / pipelineRun.TotalSeconds:0.0}/s ({pipelineRun.TotalSeconds:0.00} s, cpu {pipelineCpu.TotalSeconds:0.0} s{(storageCpu is { } azurite ? $" + Azurite {azurite.TotalSeconds:0.0} s" : "")}; grader busy {busy.TotalSeconds:0.00} s over a {span.TotalSeconds:0.00} s span)"));
            direct = directRun < direct ? directRun : direct;
            if (pipelineRun < pipeline)
            {
                pipeline = pipelineRun;
                fastestPipelineCpu = (pipelineCpu, storageCpu);
            }
        }

        if (ownAzurite is not null)
        {
            Console.Error.WriteLine(settings.Keep
                ? $"kept what the runs wrote in {ownAzurite.DataDirectory} (azurite --location there to look at it)"
                : "deleted the benchmark's own Azurite and what the runs wrote");
        }
        else if (!settings.Keep)
        {
            var cleanup = Stopwatch.StartNew();
            var deleted = await leftovers.DeleteAsync(cancellationToken);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"deleted the {deleted} blobs and the orchestration history the runs wrote ({cleanup.Elapsed.TotalSeconds:0.0} s; --keep skips this)"));
        }
        await host.StopAsync(CancellationToken.None);
        var directPerSecond = settings.Count / direct.TotalSeconds;
        var pipelinePerSecond = settings.Count / pipeline.TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            n = settings.Count,
            grader = grader.Name,
            chunk_size = chunkSize,
            answer_chars = settings.AnswerCharacters,
            runs = settings.Runs,
            direct_s = Math.Round(direct.TotalSeconds, 2),
            pipeline_s = Math.Round(pipeline.TotalSeconds, 2),
            direct_per_s = Math.Round(directPerSecond, 1),
            pipeline_per_s = Math.Round(pipelinePerSecond, 1),
            ratio = Math.Round(pipelinePerSecond / directPerSecond, 3),
            storage = ownAzurite is not null ? "own-azurite" : checkoutAzurite ? "checkout-azurite" : "given",
            // Where the pipeline's CPU went (fastest run): this process (grader, engine, storage client) and the
            // local Azurite, which shares the cores here; null when storage is not an Azurite this checkout started.
            pipeline_process_cpu_s = Math.Round(fastestPipelineCpu.Process.TotalSeconds, 1),
            azurite_cpu_s = fastestPipelineCpu.Storage is { } storage ? Math.Round(storage.TotalSeconds, 1) : (double?)null,
            load_average = LoadAverage.OneMinute(),
        }));
        return 0;
    }

    /// <summary>Upload to report, as <c>grading grade</c> runs it, into a fresh assignment so every grade blob is a new write.</summary>
    private static async Task<TimeSpan> RunPipelineAsync(BatchClient batches, byte[] csv, BenchLeftovers leftovers, CancellationToken cancellationToken)
    {
        var assignmentId = $"bench-{Guid.NewGuid():N}"[..20];
        var request = new BatchRequest("bench.csv", csv, Grading.Core.Batches.AssignmentReader.Write(BenchBatch.Assignment(assignmentId)));
        var stopwatch = Stopwatch.StartNew();
        var batchId = await batches.StartAsync(request, cancellationToken);
        leftovers.Add(assignmentId, batchId);
        var status = await batches.WaitAsync(batchId, pollInterval: TimeSpan.FromMilliseconds(50), cancellationToken: cancellationToken);
        var elapsed = stopwatch.Elapsed;
        if (status.Result is null)
        {
            throw new InvalidOperationException($"Batch {batchId} ended {status.RuntimeStatus}: {status.FailureMessage}");
        }

        return elapsed;
    }
}
