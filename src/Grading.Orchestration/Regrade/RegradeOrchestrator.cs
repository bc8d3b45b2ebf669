using Grading.Orchestration.Messages;
using Grading.Orchestration.Orchestrators;
using Microsoft.DurableTask;

namespace Grading.Orchestration.Regrade;

/// <summary>
/// Re-grades stale grades. For one assignment: FindStaleGrades writes them as a batch, which the GradeBatch chunk
/// fan-out grades and reports (grades written by the idempotent GradeStore, the old version kept under _history/).
/// For every assignment: one sub-orchestration per assignment, one after another, so each history stays small.
/// Deterministic: no I/O, no clocks; everything comes from the input and activity results.
/// </summary>
[DurableTask(Name)]
public sealed class RegradeOrchestrator : TaskOrchestrator<RegradeInput, RegradeResult>
{
    public const string Name = "Regrade";

    public override async Task<RegradeResult> RunAsync(TaskOrchestrationContext context, RegradeInput input)
    {
        var retry = RetryPolicies.ForActivities(input.Settings);
        if (input.AssignmentId is not { } assignmentId)
        {
            var assignments = await context.CallActivityAsync<IReadOnlyList<string>>(ListGradedAssignmentsActivity.Name, input.RegradeId, retry);
            var all = new List<AssignmentRegrade>();
            foreach (var assignment in assignments)
            {
                var id = $"{input.RegradeId}-{assignment}";
                var one = await context.CallSubOrchestratorAsync<RegradeResult>(
                    Name, input with { RegradeId = id, AssignmentId = assignment }, new SubOrchestrationOptions { InstanceId = id });
                all.AddRange(one.Assignments);
            }

            return new RegradeResult(input.RegradeId, input.Reason, all);
        }

        var stale = await context.CallActivityAsync<StaleGrades>(
            FindStaleGradesActivity.Name, new FindStaleGradesInput(input.RegradeId, assignmentId, input.IncludeNeedsReview, input.Settings), retry);
        var batch = stale.Batch;
        if (batch.Rows == 0)
        {
            context.SetCustomStatus(new BatchProgress(BatchProgress.Completed, 0, 0, 0, 0, 0, 0, 0));
            return new RegradeResult(input.RegradeId, input.Reason, [Describe(stale, graded: 0, failed: 0, reportPrefix: null)]);
        }

        var result = await GradeBatchOrchestrator.GradePreparedAsync(context, batch, input.Settings with { Regrade = true });
        return new RegradeResult(input.RegradeId, input.Reason, [Describe(stale, result.Summary.Graded, result.Summary.Failed, result.ReportPrefix)]);
    }

    private static AssignmentRegrade Describe(StaleGrades stale, int graded, int failed, string? reportPrefix) => new(
        stale.Batch.AssignmentId,
        stale.Batch.BatchId,
        stale.Checked,
        stale.Batch.Rows,
        stale.ModelChanged,
        stale.RubricChanged,
        stale.NeedsReview,
        stale.MissingInput,
        graded,
        failed,
        reportPrefix);
}
