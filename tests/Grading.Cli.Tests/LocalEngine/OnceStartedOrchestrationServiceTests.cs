using System.Reflection;
using DurableTask.Core;
using Grading.Cli.LocalEngine;

namespace Grading.Cli.Tests.LocalEngine;

public sealed class OnceStartedOrchestrationServiceTests
{
    [Fact]
    public async Task StartAsync_CalledTwice_StartsTheServiceOnceAndReportsItOnce()
    {
        var inner = RecordingService.Create(out var calls);
        var reports = 0;
        var service = OnceStartedOrchestrationService.Wrap(inner, onStarted: () => Interlocked.Increment(ref reports));

        await Task.WhenAll(service.StartAsync(), service.StartAsync());

        Assert.Equal(["StartAsync"], calls);
        Assert.Equal(1, reports);
    }

    [Fact]
    public async Task StartAsync_ServiceFailsToStart_ReportsNothing()
    {
        var inner = RecordingService.Create(out _, startFails: true);
        var reports = 0;
        var service = OnceStartedOrchestrationService.Wrap(inner, onStarted: () => reports++);

        await Assert.ThrowsAsync<InvalidOperationException>(service.StartAsync);

        Assert.Equal(0, reports);
    }

    [Fact]
    public async Task StopAsync_NeverStarted_LeavesTheServiceAlone()
    {
        var inner = RecordingService.Create(out var calls);
        var service = OnceStartedOrchestrationService.Wrap(inner);

        await service.StopAsync(isForced: false);

        Assert.Empty(calls);
    }

    [Fact]
    public async Task StopAsync_AfterStartAndTwice_StopsTheServiceOnce()
    {
        var inner = RecordingService.Create(out var calls);
        var service = OnceStartedOrchestrationService.Wrap(inner);

        await service.StartAsync();
        await service.StopAsync(isForced: false);
        await service.StopAsync(isForced: true);

        Assert.Equal(["StartAsync", "StopAsync"], calls);
    }

    /// <summary>An orchestration service that records which of its methods ran, and can fail to start.</summary>
    public class RecordingService : DispatchProxy
    {
        private List<string> calls = null!;
        private bool startFails;

        public static IOrchestrationService Create(out List<string> calls, bool startFails = false)
        {
            var proxy = Create<IOrchestrationService, RecordingService>();
            var recorder = (RecordingService)(object)proxy;
            recorder.calls = calls = [];
            recorder.startFails = startFails;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            lock (calls)
            {
                calls.Add(targetMethod.Name);
            }

            return targetMethod.Name == nameof(IOrchestrationService.StartAsync) && startFails
                ? Task.FromException(new InvalidOperationException("storage is down"))
                : Task.CompletedTask;
        }
    }
}
