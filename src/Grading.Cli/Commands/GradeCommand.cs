using Grading.Cli.Hosting;
using Grading.Cli.LocalEngine;
using Grading.Cli.Output;
using Grading.Core.Batches;
using Grading.Core.Batches.Saf;
using Grading.Core.Grading;
using Grading.Inference.GenAi;
using Grading.Core.Reports;
using Grading.Orchestration.Client;
using Grading.Orchestration.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grading.Cli.Commands;

/// <summary><c>grading grade FILE [--assignment FILE] [--out DIR]</c>: one batch, start to finish, through the durable pipeline.</summary>
public sealed class GradeCommand : AsyncCommand<GradeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, GradeSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            if (settings.Model is not null)
            {
                // Check the folder before the engine starts: a bad folder is one clear message, not a failed batch.
                ModelFolder.Open(settings.Model);
            }

            using var host = await LocalHost.StartAsync(LocalHostOptions.From(settings) with { Configuration = settings.GraderConfiguration() }, cancellationToken: cancellationToken);
            IGrader grader;
            try
            {
                // Load the grader now, not in the first chunk: a model that will not load should stop the command.
                grader = host.Services.GetRequiredService<IGrader>();
            }
            catch (ModelFolderException)
            {
                await host.StopAsync(CancellationToken.None);
                throw;
            }

            AnsiConsole.MarkupLineInterpolated($"Grader [bold]{grader.Name}[/] ({grader.ModelVersion}).");
            var batches = host.Services.GetRequiredService<BatchClient>();
            var request = await ReadBatchAsync(settings, cancellationToken);

            // SIGTERM and Ctrl+C reach the host's console lifetime, not this command: without this link the command
            // went on waiting for a batch whose engine had been told to stop.
            using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(
                cancellationToken, host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
            var batchId = await batches.StartAsync(request, interrupted.Token);
            AnsiConsole.MarkupLineInterpolated($"Batch [bold]{batchId}[/] started.");
            BatchStatus status;
            try
            {
                status = await WaitWithProgressBarAsync(batches, batchId, interrupted.Token);
            }
            catch (Exception e) when (interrupted.IsCancellationRequested && e is OperationCanceledException or Grpc.Core.RpcException { StatusCode: Grpc.Core.StatusCode.Cancelled })
            {
                return await CancelInterruptedAsync(host, batches, batchId);
            }

            if (status.Result is null)
            {
                Console.Error.WriteLine($"grading: batch {batchId} did not complete ({status.RuntimeStatus}): {status.FailureMessage}");
                await host.StopAsync(CancellationToken.None);
                return 1;
            }

            SummaryTable.Write(status.Result.Summary);
            if (settings.Out is not null)
            {
                await ResultDownloader.DownloadAsync(batches, batchId, settings.Out, cancellationToken);
                AnsiConsole.MarkupLineInterpolated($"Wrote {string.Join(", ", ResultDownloader.Files)} to [bold]{settings.Out}[/].");
            }

            await host.StopAsync(CancellationToken.None);
            return 0;
        }
        catch (Exception e) when (e is BatchFormatException or AssignmentFormatException or LocalEngineUnavailableException or ModelFolderException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            Console.Error.WriteLine($"grading: {e.Message}");
            return 2;
        }
    }

    /// <summary>The batch file as given, or a SAF directory as JSON Lines rows with its questions as the assignment.</summary>
    private static async Task<BatchRequest> ReadBatchAsync(GradeSettings settings, CancellationToken cancellationToken)
    {
        if (settings.IsSaf)
        {
            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(settings.File)));
            var corpus = SafReader.ReadDirectory(settings.File);
            var files = SafBatch.From(corpus, Identifiers.FromName(name, "saf"));
            var skipped = corpus.Errors.Concat(files.Skipped).ToList();
            foreach (var error in skipped)
            {
                Console.Error.WriteLine($"grading: skipped {error}");
            }

            return new BatchRequest($"{name}.jsonl", files.Rows, files.Assignment, settings.Grader, [.. skipped.Select(error => error.ToRowError())]);
        }

        var fileName = Path.GetFileName(settings.File);
        return new BatchRequest(
            settings.Format is { } format ? Path.ChangeExtension(fileName, format) : fileName,
            await File.ReadAllBytesAsync(settings.File, cancellationToken),
            settings.Assignment is null ? null : await File.ReadAllBytesAsync(settings.Assignment, cancellationToken),
            settings.Grader);
    }

    /// <summary>
    /// Terminates the interrupted batch, so it does not resume the next time an engine runs on this task hub, and
    /// stops the engine cleanly (its partition leases released). Exit code 130, as a shell reports an interrupt.
    /// </summary>
    private static async Task<int> CancelInterruptedAsync(IHost host, BatchClient batches, string batchId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await batches.CancelAsync(batchId, "grading grade was interrupted", timeout.Token);

            // The termination is a message the engine still has to apply; stopping first would leave it queued.
            await batches.WaitAsync(batchId, pollInterval: TimeSpan.FromMilliseconds(100), cancellationToken: timeout.Token);
            Console.Error.WriteLine($"grading: interrupted; batch {batchId} canceled (grades written so far are kept).");
        }
        catch (Exception e) when (e is OperationCanceledException or Grpc.Core.RpcException)
        {
            Console.Error.WriteLine($"grading: interrupted; batch {batchId} could not be canceled ({e.Message}); cancel it with POST /api/batches/{batchId}/cancel.");
        }

        await host.StopAsync(CancellationToken.None);
        return 130;
    }

    private static async Task<BatchStatus> WaitWithProgressBarAsync(BatchClient batches, string batchId, CancellationToken cancellationToken)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await WaitWithProgressLinesAsync(batches, batchId, cancellationToken);
        }

        BatchStatus? final = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progressContext =>
            {
                var task = progressContext.AddTask(BatchProgress.Preparing, maxValue: 1);
                void Show(BatchProgress p)
                {
                    task.Description = Describe(p);
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Graded + p.Failed;
                }

                // A synchronous IProgress: Progress<T> would post to the thread pool and could show a stale value last.
                final = await batches.WaitAsync(batchId, new SynchronousProgress<BatchProgress>(Show), cancellationToken: cancellationToken);
                if (final.Progress is { } last)
                {
                    Show(last);
                }

                task.Value = task.MaxValue;
                progressContext.Refresh();
            });
        return final!;
    }

    /// <summary>Redirected output (CI logs, pipes) gets a line per change of stage and every few seconds, not a redrawn bar.</summary>
    private static async Task<BatchStatus> WaitWithProgressLinesAsync(BatchClient batches, string batchId, CancellationToken cancellationToken)
    {
        string? lastStage = null;
        var lastPrinted = DateTimeOffset.MinValue;
        void Print(BatchProgress p)
        {
            if (p.Stage != lastStage || DateTimeOffset.UtcNow - lastPrinted > TimeSpan.FromSeconds(5))
            {
                Console.WriteLine(Describe(p));
                (lastStage, lastPrinted) = (p.Stage, DateTimeOffset.UtcNow);
            }
        }

        var final = await batches.WaitAsync(batchId, new SynchronousProgress<BatchProgress>(Print), cancellationToken: cancellationToken);
        return final;
    }

    private static string Describe(BatchProgress p) =>
        $"{p.Stage}: {p.Graded + p.Failed}/{p.Total} graded, {p.NeedsReview} to review, {p.Rejected} rejected";
}
