using Microsoft.DurableTask;

namespace Grading.IntegrationTests.LocalEngine.TestTasks;

[DurableTask(nameof(SquareActivity))]
public sealed class SquareActivity(ActivityExecutionCounter counter) : TaskActivity<int, int>
{
    /// <summary>Long enough that a fan-out outlasts one poll, so a second host gets a share.</summary>
    static readonly TimeSpan SimulatedWork = TimeSpan.FromMilliseconds(20);

    public override async Task<int> RunAsync(TaskActivityContext context, int input)
    {
        counter.Record();
        await Task.Delay(SimulatedWork);
        return input * input;
    }
}
