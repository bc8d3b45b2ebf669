using System.Text.Json;
using Grading.Cli.Hosting;
using Grading.Cli.LocalEngine;
using Grading.Core.Domain;
using Grading.Core.Reports;
using Grading.Core.Serialization;
using Grading.Orchestration.Client;
using Grading.Orchestration.Regrade;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grading.Cli.Commands;

/// <summary>
/// <c>grading regrade [--assignment ID] --reason TEXT [--include-needs-review]</c>: one re-grade through the local
/// engine, as the nightly timer would run it, then what it re-graded.
/// </summary>
public sealed class RegradeCommand : AsyncCommand<RegradeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RegradeSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            using var host = await LocalHost.StartAsync(LocalHostOptions.From(settings), cancellationToken: cancellationToken);
            var regrades = host.Services.GetRequiredService<RegradeClient>();
            var regradeId = await regrades.StartAsync(new RegradeRequest(settings.Assignment, settings.Reason, settings.IncludeNeedsReview), cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"Re-grade [bold]{regradeId}[/] ({settings.Assignment ?? "every assignment"}).");
            var status = await regrades.WaitAsync(regradeId, cancellationToken: cancellationToken);
            if (status.Result is not { } result)
            {
                Console.Error.WriteLine($"grading: re-grade {regradeId} did not complete ({status.RuntimeStatus}): {status.FailureMessage}");
                await host.StopAsync(CancellationToken.None);
                return 1;
            }

            await WriteAsync(result, host.Services.GetRequiredService<BatchClient>(), cancellationToken);
            await host.StopAsync(CancellationToken.None);
            return 0;
        }
        catch (LocalEngineUnavailableException e)
        {
            Console.Error.WriteLine($"grading: {e.Message}");
            return 2;
        }
    }

    private static async Task WriteAsync(RegradeResult result, BatchClient batches, CancellationToken cancellationToken)
    {
        var table = new Table()
            .AddColumns("assignment", "checked", "stale", "model changed", "rubric changed", "needs review", "no input", "re-graded", "failed");
        foreach (var a in result.Assignments)
        {
            table.AddRow(Markup.Escape(a.AssignmentId), $"{a.Checked}", $"{a.Stale}", $"{a.ModelChanged}", $"{a.RubricChanged}", $"{a.NeedsReview}", $"{a.MissingInput}", $"{a.Regraded}", $"{a.Failed}");
        }

        AnsiConsole.Write(table);
        foreach (var a in result.Assignments.Where(a => a.ReportPrefix is not null))
        {
            var results = await batches.ReadReportFileAsync(a.BatchId, ResultFiles.ResultsJsonl, cancellationToken);
            var grades = results is null
                ? []
                : results.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonSerializer.Deserialize<Grade>(line, GradingJson.Options)!).ToList();
            Console.WriteLine($"{a.AssignmentId}: {grades.Count} re-graded (report: {a.ReportPrefix})");
            foreach (var grade in grades)
            {
                Console.WriteLine($"  {grade.SubmissionId}  {grade.QuestionId}  {grade.Score:0.###}/{grade.MaxScore:0.###}{(grade.NeedsReview ? "  needs review" : "")}");
            }
        }

        Console.WriteLine($"re-graded {result.Regraded} grade(s) in {result.Assignments.Count} assignment(s).");
    }
}
