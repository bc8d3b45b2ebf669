using Grading.Orchestration.Storage;
using Microsoft.DurableTask;

namespace Grading.Orchestration.Regrade;

/// <summary>The assignments that have grades, for a re-grade of every assignment.</summary>
[DurableTask(Name)]
public sealed class ListGradedAssignmentsActivity(GradingStorage storage, GradeStore grades) : TaskActivity<string, IReadOnlyList<string>>
{
    public const string Name = "ListGradedAssignments";

    public override async Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, string regradeId)
    {
        await storage.EnsureContainersAsync();
        return await grades.ListAssignmentsAsync();
    }
}
