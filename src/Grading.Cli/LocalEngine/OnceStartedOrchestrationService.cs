using System.Reflection;
using DurableTask.Core;

namespace Grading.Cli.LocalEngine;

/// <summary>
/// Forwards every call to the real <see cref="IOrchestrationService"/>, but makes stopping safe at any moment.
/// TaskHubGrpcServer starts the service only once a worker connects, and stops it from an async-void handler
/// when the host stops. DTFx's AzureStorageOrchestrationService throws NullReferenceException when stopped
/// before it started (or twice), and from that handler the exception takes the whole process down: a host
/// stopped quickly after starting crashed. Here a stop waits for a start in progress, and is skipped when
/// nothing started or the service already stopped. It also tells its owner when the service has started, which is
/// when this process begins taking work from the task hub.
/// </summary>
public class OnceStartedOrchestrationService : DispatchProxy
{
    private readonly object gate = new();
    private IOrchestrationService inner = null!;
    private Action? onStarted;
    private Task? started;
    private Task? stopped;

    public static IOrchestrationService Wrap(IOrchestrationService inner, Action? onStarted = null)
    {
        var proxy = Create<IOrchestrationService, OnceStartedOrchestrationService>();
        var wrapper = (OnceStartedOrchestrationService)(object)proxy;
        wrapper.inner = inner;
        wrapper.onStarted = onStarted;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return targetMethod.Name switch
        {
            nameof(IOrchestrationService.StartAsync) => StartOnce(),
            nameof(IOrchestrationService.StopAsync) => StopOnce(args is { Length: 1 } && args[0] is true),
            _ => ProxyForwarding.Invoke(inner, targetMethod, args),
        };
    }

    private Task StartOnce()
    {
        lock (gate)
        {
            return started ??= StartAndNotifyAsync();
        }
    }

    private async Task StartAndNotifyAsync()
    {
        await inner.StartAsync();
        onStarted?.Invoke();
    }

    private Task StopOnce(bool isForced)
    {
        lock (gate)
        {
            if (started is null)
            {
                return Task.CompletedTask;
            }

            return stopped ??= StopAfterStartAsync(started, isForced);
        }
    }

    private async Task StopAfterStartAsync(Task start, bool isForced)
    {
        try
        {
            await start;
        }
        catch (Exception)
        {
            // A start that failed left nothing running to stop.
            return;
        }

        await inner.StopAsync(isForced);
    }
}
