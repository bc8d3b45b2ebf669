using Microsoft.DurableTask;

namespace Grading.IntegrationTests.LocalEngine.TestTasks;

/// <summary>Publishes a custom status, then waits for the client to confirm it saw it.</summary>
[DurableTask(nameof(CustomStatusOrchestrator))]
public sealed class CustomStatusOrchestrator : TaskOrchestrator<string, string>
{
    public const string ProceedEvent = "Proceed";

    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        context.SetCustomStatus(new ProgressStatus("waiting", input));
        string reply = await context.WaitForExternalEvent<string>(ProceedEvent);
        context.SetCustomStatus(new ProgressStatus("done", reply));
        return reply;
    }
}
