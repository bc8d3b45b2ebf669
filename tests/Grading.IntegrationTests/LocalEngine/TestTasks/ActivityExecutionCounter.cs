namespace Grading.IntegrationTests.LocalEngine.TestTasks;

/// <summary>Counts activity executions in one host, to see how hosts sharing a task hub split the work.</summary>
public sealed class ActivityExecutionCounter(string hostName)
{
    int executions;

    public string HostName { get; } = hostName;

    public int Executions => Volatile.Read(ref executions);

    public void Record() => Interlocked.Increment(ref executions);
}
