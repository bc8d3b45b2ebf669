using Azure.Storage.Blobs.Models;
using Grading.Cli.Hosting;
using Grading.IntegrationTests.LocalEngine;
using Grading.Orchestration.Client;
using Grading.Orchestration.Regrade;
using Grading.Orchestration.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Grading.IntegrationTests.Pipeline;

/// <summary>The CLI's local host (real grader, real engine, Azurite) on a task hub of its own.</summary>
public sealed class GradingHostLease : IAsyncDisposable
{
    private readonly IHost host;
    private readonly TaskHubLease hub;

    private GradingHostLease(IHost host, TaskHubLease hub)
    {
        this.host = host;
        this.hub = hub;
    }

    public BatchClient Batches => host.Services.GetRequiredService<BatchClient>();

    public IServiceProvider Services => host.Services;

    public RegradeClient Regrades => host.Services.GetRequiredService<RegradeClient>();

    public GradingStorage Storage => host.Services.GetRequiredService<GradingStorage>();

    public GradeStore Grades => host.Services.GetRequiredService<GradeStore>();

    public static Task<GradingHostLease> StartAsync(AzuriteFixture azurite, Action<IServiceCollection>? configureServices = null) =>
        StartAsync(azurite, new GradingHostSetup { ConfigureServices = configureServices });

    public static async Task<GradingHostLease> StartAsync(AzuriteFixture azurite, GradingHostSetup setup)
    {
        var hub = setup.StorageConnectionString is { } storage
            ? azurite.CreateTaskHub(options => options with { StorageConnectionString = storage })
            : azurite.CreateTaskHub();
        var options = new LocalHostOptions(hub.Options.StorageConnectionString, hub.Options.TaskHubName) { Configuration = setup.Configuration };
        var host = await LocalHost.StartAsync(options, setup.ConfigureServices);
        return new GradingHostLease(host, hub);
    }

    /// <summary>Current grade blobs of an assignment (the audit history under _history/ excluded).</summary>
    public async Task<IReadOnlyDictionary<string, BlobItem>> CurrentGradeBlobsAsync(string assignmentId)
    {
        var blobs = new Dictionary<string, BlobItem>();
        await foreach (var item in Storage.Container(Containers.Grades).GetBlobsAsync(new GetBlobsOptions { Prefix = assignmentId + "/" }))
        {
            if (!item.Name.Contains("/_history/", StringComparison.Ordinal))
            {
                blobs[item.Name] = item;
            }
        }

        return blobs;
    }

    /// <summary>Names of the audit copies under grades/{assignmentId}/_history/.</summary>
    public async Task<IReadOnlyList<string>> HistoryBlobsAsync(string assignmentId)
    {
        var names = new List<string>();
        await foreach (var item in Storage.Container(Containers.Grades).GetBlobsAsync(new GetBlobsOptions { Prefix = assignmentId + "/_history/" }))
        {
            names.Add(item.Name);
        }

        return names;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(timeout.Token);
        host.Dispose();
        await hub.DisposeAsync();
    }
}
