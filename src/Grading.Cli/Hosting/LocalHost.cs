using Grading.Cli.LocalEngine;
using Grading.Orchestration;
using Grading.Orchestration.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Grading.Cli.Hosting;

/// <summary>The local twin of the Functions host: the same grading services, on the local Durable engine and Azurite.</summary>
public static class LocalHost
{
    public static async Task<IHost> StartAsync(
        LocalHostOptions options,
        Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellationToken = default)
    {
        await EnsureStorageAsync(options, cancellationToken);
        var builder = Host.CreateApplicationBuilder();
        Configure(builder, options, configureServices);
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }

    /// <summary>Starts Azurite when the host uses it and it is not answering.</summary>
    public static async Task EnsureStorageAsync(LocalHostOptions options, CancellationToken cancellationToken = default)
    {
        if (options.StorageConnectionString == LocalHostOptions.DevelopmentStorage)
        {
            await AzuriteLauncher.EnsureRunningAsync(RepositoryRoot.Find(), cancellationToken);
        }
    }

    /// <summary>The grading services and the local engine on any host builder (a plain host for <c>grade</c>, a web host for <c>serve</c>).</summary>
    public static void Configure(IHostApplicationBuilder builder, LocalHostOptions options, Action<IServiceCollection>? configureServices = null)
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Grading:Storage:ConnectionString"] = options.StorageConnectionString,
        });
        if (options.Configuration is not null)
        {
            builder.Configuration.AddInMemoryCollection(options.Configuration);
        }

        // Logs go to stderr so that stdout carries only what the command prints; the engine is chatty below Warning.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("DurableTask", LogLevel.Error);
        builder.Logging.AddFilter("Microsoft.DurableTask", LogLevel.Error);
        if (options.LogActivities)
        {
            builder.Logging.AddFilter("Grading.Orchestration.Activities", LogLevel.Information);
            builder.Logging.AddFilter(typeof(LocalDurableEngine).FullName, LogLevel.Information);
        }

        builder.Services.AddGrading(builder.Configuration);
        builder.Services.AddLocalDurableEngine(
            new LocalEngineOptions
            {
                StorageConnectionString = options.StorageConnectionString,
                TaskHubName = options.TaskHubName,
                WorkItemQueueVisibilityTimeout = options.QueueVisibilityTimeout,
                ControlQueueVisibilityTimeout = options.QueueVisibilityTimeout,
            },
            GradingTasks.Register);
        configureServices?.Invoke(builder.Services);
    }
}
