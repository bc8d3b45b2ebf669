using Grading.Cli.LocalEngine;

namespace Grading.IntegrationTests.LocalEngine;

/// <summary>A task hub owned by one test; disposing it deletes the hub's queues, tables and containers.</summary>
public sealed class TaskHubLease(LocalEngineOptions options, Func<LocalEngineOptions, Task> deleteAsync) : IAsyncDisposable
{
    public LocalEngineOptions Options { get; } = options;

    public async ValueTask DisposeAsync() => await deleteAsync(Options);
}
