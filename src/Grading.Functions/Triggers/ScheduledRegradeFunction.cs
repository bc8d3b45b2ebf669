using Grading.Functions.Hosting;
using Grading.Orchestration.Regrade;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grading.Functions.Triggers;

/// <summary>
/// The scheduled re-grade, on the cron of <c>Grading:Regrade:Cron</c> (the local host runs the same cron with Cronos).
/// The re-grade's instance id derives from the occurrence, so a timer that fires twice, or on two instances, starts one.
/// </summary>
public sealed class ScheduledRegradeFunction(FunctionsApi functions, IOptions<RegradeOptions> options, TimeProvider clock, ILogger<ScheduledRegradeFunction> logger)
{
    public const string Name = "ScheduledRegrade";
    public const string Reason = "scheduled";

    [Function(Name)]
    public async Task<string> Run(
        [TimerTrigger("%" + RegradeOptions.CronSetting + "%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var regradeId = await functions.Regrades(client).StartAsync(
            new RegradeRequest(null, Reason, options.Value.IncludeNeedsReview, clock.GetUtcNow()), cancellationToken);
        logger.LogInformation("Scheduled re-grade {RegradeId} (past due: {PastDue})", regradeId, timer.IsPastDue);
        return regradeId;
    }
}
