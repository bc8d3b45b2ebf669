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
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <param name="overrides">Configuration values from the command line (e.g. the grader choice), laid over everything else.</param>
    public static async Task<IHost> StartAsync(LocalHostSettings settings, IReadOnlyDictionary<string, string?>? overrides = null, CancellationToken cancellationToken = default)
    {
        var storage = settings.Storage ?? Environment.GetEnvironmentVariable("Grading__Storage__ConnectionString") ?? DevelopmentStorage;
        if (storage == DevelopmentStorage)
        {
            await AzuriteLauncher.EnsureRunningAsync(RepositoryRoot.Find(), cancellationToken);
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Grading:Storage:ConnectionString"] = storage,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.DurableTask"] = "Error",
            ["Logging:LogLevel:DurableTask"] = "Error",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
        });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Logging.ClearProviders();
        // Logs go to stderr so that stdout carries only what the command prints.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.Services.AddGrading(builder.Configuration);
        builder.Services.AddLocalDurableEngine(
            new LocalEngineOptions
            {
                StorageConnectionString = storage,
                TaskHubName = settings.TaskHub ?? Environment.GetEnvironmentVariable("Grading__TaskHub") ?? "grading",
            },
            GradingTasks.Register);

        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }
}
