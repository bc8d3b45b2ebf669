using Grading.Orchestration.Activities;
using Grading.Orchestration.Orchestrators;
using Grading.Orchestration.Regrade;
using Microsoft.DurableTask;

namespace Grading.Orchestration;

/// <summary>The orchestrators and activities every host registers, in one place.</summary>
public static class GradingTasks
{
    public static void Register(DurableTaskRegistry registry)
    {
        registry.AddOrchestrator<GradeBatchOrchestrator>();
        registry.AddOrchestrator<GradeChunkRangeOrchestrator>();
        registry.AddActivity<PrepareBatchActivity>();
        registry.AddActivity<GradeChunkActivity>();
        registry.AddActivity<WriteReportActivity>();
        registry.AddOrchestrator<RegradeOrchestrator>();
        registry.AddActivity<FindStaleGradesActivity>();
        registry.AddActivity<ListGradedAssignmentsActivity>();
    }
}
