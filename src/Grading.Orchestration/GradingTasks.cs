using Grading.Orchestration.Activities;
using Grading.Orchestration.Orchestrators;
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
    }
}
