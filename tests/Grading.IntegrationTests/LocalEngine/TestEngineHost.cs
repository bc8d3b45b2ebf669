using Grading.Cli.LocalEngine;
using Grading.IntegrationTests.LocalEngine.TestTasks;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Grading.IntegrationTests.LocalEngine;

/// <summary>A generic host wired like the CLI's: the local engine plus the test orchestrations.</summary>
public sealed class TestEngineHost : IAsyncDisposable
{
    readonly IHost host;

    TestEngineHost(IHost host) => this.host = host;

    public DurableTaskClient Client => host.Services.GetRequiredService<DurableTaskClient>();

    public ActivityExecutionCounter Counter => host.Services.GetRequiredService<ActivityExecutionCounter>();

    public LocalDurableEngine Engine => host.Services.GetRequiredService<LocalDurableEngine>();

    public static async Task<TestEngineHost> StartAsync(LocalEngineOptions options, string hostName = "host", CancellationToken cancellationToken = default)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddSimpleConsole(console => { console.SingleLine = true; console.TimestampFormat = "HH:mm:ss.fff "; });
        builder.Logging.AddFilter("Grading", LogLevel.Information);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(new ActivityExecutionCounter(hostName));
        builder.Services.AddLocalDurableEngine(options, tasks =>
        {
            tasks.AddOrchestrator<SumOfSquaresOrchestrator>();
            tasks.AddOrchestrator<CustomStatusOrchestrator>();
            tasks.AddOrchestrator<SumOfSubOrchestrationsOrchestrator>();
            tasks.AddActivity<SquareActivity>();
        });

        IHost host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new TestEngineHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));
        await host.StopAsync(timeout.Token);
        host.Dispose();
    }
}
