using Grading.Orchestration.Messages;
using Microsoft.DurableTask;

namespace Grading.Orchestration.Orchestrators;

/// <summary>Grades a slice of a large batch, so no single orchestration history grows past a few hundred activities.</summary>
[DurableTask(Name)]
public sealed class GradeChunkRangeOrchestrator : TaskOrchestrator<ChunkRange, RangeOutcome>
{
    public const string Name = "GradeChunkRange";

    public override Task<RangeOutcome> RunAsync(TaskOrchestrationContext context, ChunkRange input) =>
        ChunkFanOut.RunAsync(context, input, (totals, done) => context.SetCustomStatus(new RangeProgress(done, input.Count, totals.Graded, totals.Failed, totals.NeedsReview)));
}
