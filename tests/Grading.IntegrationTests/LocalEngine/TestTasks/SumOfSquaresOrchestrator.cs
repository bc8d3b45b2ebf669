using Microsoft.DurableTask;

namespace Grading.IntegrationTests.LocalEngine.TestTasks;

/// <summary>Fans out one <see cref="SquareActivity"/> per number in [0, input) and sums the results.</summary>
[DurableTask(nameof(SumOfSquaresOrchestrator))]
public sealed class SumOfSquaresOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        Task<int>[] squares = Enumerable.Range(0, input)
            .Select(number => context.CallActivityAsync<int>(nameof(SquareActivity), number))
            .ToArray();
        int[] results = await Task.WhenAll(squares);
        return results.Sum();
    }

    public static int ExpectedSum(int count) => Enumerable.Range(0, count).Sum(number => number * number);
}
