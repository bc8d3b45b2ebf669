using Microsoft.DurableTask;

namespace Grading.IntegrationTests.LocalEngine.TestTasks;

/// <summary>
/// Runs <see cref="SumOfSquaresOrchestrator"/> for [0, 10), [0, 11), ... as tagged sub-orchestrations, two at a time,
/// and sums their results: the shape of GradeBatch's chunk ranges, without the grader.
/// </summary>
[DurableTask(nameof(SumOfSubOrchestrationsOrchestrator))]
public sealed class SumOfSubOrchestrationsOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        var total = 0;
        foreach (var pair in Enumerable.Range(0, input).Chunk(2))
        {
            var sums = await Task.WhenAll(pair.Select(child => context.CallSubOrchestratorAsync<int>(
                nameof(SumOfSquaresOrchestrator),
                Size(child),
                new SubOrchestrationOptions
                {
                    InstanceId = ChildInstanceId(context.InstanceId, child),
                    Tags = new Dictionary<string, string> { ["parent"] = context.InstanceId, ["child"] = child.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                })));
            total += sums.Sum();
        }

        return total;
    }

    public static string ChildInstanceId(string parentInstanceId, int child) => $"{parentInstanceId}:child:{child}";

    public static int ExpectedSum(int children) => Enumerable.Range(0, children).Sum(child => SumOfSquaresOrchestrator.ExpectedSum(Size(child)));

    private static int Size(int child) => 10 + child;
}
