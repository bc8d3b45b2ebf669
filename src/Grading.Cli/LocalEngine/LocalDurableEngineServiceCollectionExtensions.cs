using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Grading.Cli.LocalEngine;

public static class LocalDurableEngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the local Durable Task engine (sidecar on the Azure Storage provider), a worker running
    /// <paramref name="configureTasks"/> and a <see cref="DurableTaskClient"/>, all in this container, so
    /// activities resolve their dependencies from the host's own services. One engine per container.
    /// </summary>
    public static IServiceCollection AddLocalDurableEngine(
        this IServiceCollection services,
        LocalEngineOptions options,
        Action<DurableTaskRegistry> configureTasks)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configureTasks);
        options.Validate();

        services.AddSingleton(options);
        services.AddSingleton<LocalDurableEngine>();

        // Hosted services start in registration order and stop in reverse: the sidecar must be listening
        // before the worker connects, and the worker must disconnect before the sidecar goes away.
        services.AddHostedService(provider => provider.GetRequiredService<LocalDurableEngine>());

        services.AddDurableTaskWorker(worker =>
        {
            worker.AddTasks(configureTasks);
            worker.UseGrpc();
            worker.Configure(workerOptions =>
            {
                workerOptions.Concurrency.MaximumConcurrentActivityWorkItems = options.MaxConcurrentActivities;
                workerOptions.Concurrency.MaximumConcurrentOrchestrationWorkItems = options.MaxConcurrentOrchestrations;
            });
            services.AddOptions<GrpcDurableTaskWorkerOptions>(worker.Name)
                .Configure<LocalDurableEngine>((grpcOptions, engine) => grpcOptions.Channel = engine.Channel);
        });

        services.AddDurableTaskClient(client =>
        {
            client.UseGrpc();
            services.AddOptions<GrpcDurableTaskClientOptions>(client.Name)
                .Configure<LocalDurableEngine>((grpcOptions, engine) => grpcOptions.Channel = engine.Channel);
        });

        return services;
    }
}
