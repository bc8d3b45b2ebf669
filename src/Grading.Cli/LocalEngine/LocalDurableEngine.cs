using System.Net;
using System.Net.Sockets;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Grading.Cli.LocalEngine;

/// <summary>
/// The local Durable Task backend: the DTFx Azure Storage provider served over gRPC by
/// <see cref="TaskHubGrpcServer"/> on a private loopback Kestrel host. The Microsoft.DurableTask
/// worker and client of the surrounding host talk to it through <see cref="Channel"/>.
/// Registered as a hosted service by <see cref="LocalDurableEngineServiceCollectionExtensions.AddLocalDurableEngine"/>.
/// </summary>
public sealed class LocalDurableEngine : IHostedService, IAsyncDisposable
{
    static readonly TimeSpan SidecarShutdownTimeout = TimeSpan.FromSeconds(10);

    readonly ILoggerFactory loggerFactory;
    readonly ILogger logger;
    AzureStorageOrchestrationService? orchestrationService;
    IOrchestrationService? guardedService;
    WebApplication? sidecar;

    public LocalDurableEngine(LocalEngineOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        this.loggerFactory = loggerFactory;
        logger = loggerFactory.CreateLogger<LocalDurableEngine>();

        // The worker and client capture the channel when the host builds them, before any hosted service
        // starts, so the port is fixed now. Another process could take a probed port before Kestrel binds
        // it; that shows up as a clear bind error at start.
        Port = options.GrpcPort == 0 ? FindFreeLoopbackPort() : options.GrpcPort;
        Address = new Uri($"http://127.0.0.1:{Port}");
        Channel = GrpcChannel.ForAddress(Address);
    }

    public LocalEngineOptions Options { get; }

    public int Port { get; }

    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (sidecar is not null)
        {
            throw new InvalidOperationException("The local Durable Task engine is already started.");
        }

        orchestrationService = CreateOrchestrationService(Options, loggerFactory);

        // The sidecar starts its dispatchers as soon as a worker connects; queues, tables and leases must exist by then.
        await orchestrationService.CreateIfNotExistsAsync().WaitAsync(cancellationToken);

        guardedService = OnceStartedOrchestrationService.Wrap(
            StorableEventsOrchestrationService.Wrap(orchestrationService),
            onStarted: () => logger.LogInformation(
                "Local Durable Task engine for task hub {TaskHub}: worker connected, taking work", Options.TaskHubName));
        WebApplication app = BuildSidecar(orchestrationService, guardedService);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        sidecar = app;
        logger.LogInformation(
            "Local Durable Task engine serving task hub {TaskHub} on {Address}", Options.TaskHubName, Address);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        WebApplication? app = Interlocked.Exchange(ref sidecar, null);
        if (app is null)
        {
            return;
        }

        try
        {
            // Stopping the sidecar host raises its ApplicationStopping, which makes TaskHubGrpcServer stop its
            // dispatchers and the orchestration service in the background (it does not await that).
            await app.StopAsync(cancellationToken);
        }
        finally
        {
            await app.DisposeAsync();
        }

        if (guardedService is not null)
        {
            // Awaited here as well so partition leases are released before the process exits, which lets
            // another process on the same hub take the control queues without waiting for leases to expire.
            try
            {
                await guardedService.StopAsync(isForced: false).WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The host's shutdown time ran out while work items were still draining: stop without them, as the host
                // asks. Their messages go back to the queues and run again after the next start (activities are idempotent).
                logger.LogWarning("Local Durable Task engine for task hub {TaskHub} did not drain in time; stopping without waiting", Options.TaskHubName);
                await guardedService.StopAsync(isForced: true);
            }
        }

        logger.LogInformation("Local Durable Task engine for task hub {TaskHub} stopped", Options.TaskHubName);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        Channel.Dispose();
    }

    /// <summary>Deletes the task hub's queues, tables and blob containers (test and demo cleanup).</summary>
    public static async Task DeleteTaskHubAsync(LocalEngineOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        AzureStorageOrchestrationService service = CreateOrchestrationService(options, loggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        await service.DeleteAsync().WaitAsync(cancellationToken);
    }

    static AzureStorageOrchestrationService CreateOrchestrationService(LocalEngineOptions options, ILoggerFactory loggerFactory) =>
        new(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(options.StorageConnectionString),
            TaskHubName = options.TaskHubName,
            WorkItemQueueVisibilityTimeout = options.WorkItemQueueVisibilityTimeout,
            ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            LoggerFactory = loggerFactory,

            // DTFx defaults the worker id to the machine name. Partition leases are owned by worker id, so two
            // engines on one machine (two CLI processes, or two hosts in one test) would both believe they own
            // every control queue and process the same orchestrations at once ("split brain", duplicate activities).
            WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}",

            // The app lease only matters when two differently named apps swap over one hub (blue/green). With it on,
            // DTFx 2.11.2 can restart the partition manager right after StopAsync (its starter loop wakes on the
            // shutdown event before it is cancelled), leaving a lease loop running after the engine has stopped.
            UseAppLease = false,

            // As Durable Functions 3.x does by default: the table partition manager hands a control queue over only
            // after its owner has drained it. The blob-lease manager lets a joining worker steal a queue mid-episode;
            // the two then run the same orchestration at once, one loses the history write (412), and the messages it
            // held stay invisible for the queue's visibility timeout (a batch stalled 5 minutes in ServeScaleOutTests).
            UseTablePartitionManagement = true,
        });

    WebApplication BuildSidecar(AzureStorageOrchestrationService service, IOrchestrationService guardedService)
    {
        // The empty builder reads no appsettings or ASPNETCORE_* variables, so the CLI's own web
        // configuration (the 'serve' command's URLs) never leaks into this private endpoint.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton<IHostLifetime, SidecarLifetime>();
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, Port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = SidecarShutdownTimeout);

        // One logging pipeline for the whole process: the sidecar logs through the surrounding host's filters.
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddRouting();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(guardedService);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);

        // A singleton: it holds the worker's work-item stream and the pending results across calls.
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        WebApplication app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        return app;
    }

    static int FindFreeLoopbackPort()
    {
        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
