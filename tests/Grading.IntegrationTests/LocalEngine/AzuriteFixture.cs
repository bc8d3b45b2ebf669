using System.Collections.Concurrent;
using Grading.Cli.LocalEngine;

namespace Grading.IntegrationTests.LocalEngine;

/// <summary>
/// Makes sure Azurite answers before the first test and hands out task hubs that are deleted
/// afterwards, so runs never see each other's queues and leave no storage behind.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    readonly ConcurrentDictionary<string, LocalEngineOptions> hubsToDelete = new();

    public string RepositoryRoot { get; } = Cli.LocalEngine.RepositoryRoot.Find();

    public Task InitializeAsync() => AzuriteLauncher.EnsureRunningAsync(RepositoryRoot);

    /// <summary>Engine options on a fresh task hub; dispose the returned lease to delete the hub.</summary>
    public TaskHubLease CreateTaskHub(Func<LocalEngineOptions, LocalEngineOptions>? customize = null)
    {
        LocalEngineOptions options = new() { TaskHubName = TaskHubNames.CreateUnique("test") };
        options = customize?.Invoke(options) ?? options;
        hubsToDelete[options.TaskHubName] = options;
        return new TaskHubLease(options, DeleteTaskHubAsync);
    }

    public async Task DisposeAsync()
    {
        // Hubs of tests that failed before disposing their lease.
        foreach (LocalEngineOptions options in hubsToDelete.Values)
        {
            await DeleteTaskHubAsync(options);
        }
    }

    async Task DeleteTaskHubAsync(LocalEngineOptions options)
    {
        if (hubsToDelete.TryRemove(options.TaskHubName, out _))
        {
            using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));
            await LocalDurableEngine.DeleteTaskHubAsync(options, cancellationToken: timeout.Token);
        }
    }
}
