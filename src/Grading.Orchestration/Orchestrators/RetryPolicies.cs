using Grading.Core.Batches;
using Grading.Orchestration.Messages;
using Microsoft.DurableTask;

namespace Grading.Orchestration.Orchestrators;

internal static class RetryPolicies
{
    /// <summary>Exponential back-off with bounded attempts; a file that is simply not a batch is never retried.</summary>
    public static TaskOptions ForActivities(BatchSettings settings) => TaskOptions.FromRetryPolicy(
        new RetryPolicy(
            maxNumberOfAttempts: settings.ActivityMaxAttempts,
            firstRetryInterval: settings.ActivityFirstRetryInterval,
            backoffCoefficient: 2.0,
            maxRetryInterval: TimeSpan.FromMinutes(1))
        {
            HandleFailure = failure =>
                !failure.IsCausedBy<BatchFormatException>() && !failure.IsCausedBy<AssignmentFormatException>(),
        });
}
