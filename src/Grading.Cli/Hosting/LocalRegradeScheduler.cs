using Grading.Orchestration.Regrade;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grading.Cli.Hosting;

/// <summary>
/// The local twin of the Functions timer trigger: starts a re-grade of every assignment at each occurrence of
/// Grading:Regrade:Cron (UTC). The occurrence goes into the request, so several local hosts on one task hub start one re-grade.
/// </summary>
public sealed class LocalRegradeScheduler(
    RegradeClient regrades,
    IOptions<RegradeOptions> options,
    TimeProvider clock,
    ILogger<LocalRegradeScheduler> logger) : BackgroundService
{
    public const string Reason = "scheduled";

    /// <summary>The next occurrence after the clock's now; null when the expression never fires again.</summary>
    public DateTimeOffset? NextFire() => CronSchedule.NextAfter(options.Value.Cron, clock.GetUtcNow());

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && NextFire() is { } next)
        {
            var wait = next - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, stoppingToken);
            }

            try
            {
                var id = await regrades.StartAsync(new RegradeRequest(null, Reason, options.Value.IncludeNeedsReview, next), stoppingToken);
                logger.LogInformation("Scheduled re-grade {RegradeId} started for {Occurrence:u}", id, next);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One failed start must not stop the schedule: the next occurrence tries again.
                logger.LogError(e, "Scheduled re-grade for {Occurrence:u} could not start", next);
            }
        }
    }
}
