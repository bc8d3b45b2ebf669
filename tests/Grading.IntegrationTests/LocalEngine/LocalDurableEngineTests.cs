using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Grading.IntegrationTests.LocalEngine.TestTasks;
using Microsoft.DurableTask.Client;
using Xunit.Abstractions;

namespace Grading.IntegrationTests.LocalEngine;

[Collection(AzuriteCollection.Name)]
public sealed class LocalDurableEngineTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task FanOut_TwoHundredActivities_CompletesWithSumOfResults()
    {
        const int activityCount = 200;
        using CancellationTokenSource timeout = new(TestTimeout);
        await using TaskHubLease hub = azurite.CreateTaskHub();
        await using TestEngineHost host = await TestEngineHost.StartAsync(hub.Options, cancellationToken: timeout.Token);

        Stopwatch elapsed = Stopwatch.StartNew();
        string instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(SumOfSquaresOrchestrator), activityCount, timeout.Token);
        await host.Client.WaitForInstanceStartAsync(instanceId, timeout.Token);
        TimeSpan started = elapsed.Elapsed;
        OrchestrationMetadata result = await host.Client.WaitForInstanceCompletionAsync(
            instanceId, getInputsAndOutputs: true, timeout.Token);
        output.WriteLine(
            $"{activityCount} activities: started after {started.TotalSeconds:0.0} s, fanned out and in after {elapsed.Elapsed.TotalSeconds:0.0} s");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(SumOfSquaresOrchestrator.ExpectedSum(activityCount), result.ReadOutputAs<int>());
        Assert.True(host.Counter.Executions >= activityCount);
    }

    [Fact]
    public async Task SubOrchestrations_TaggedChildren_CompleteAndTheParentSumsTheirResults()
    {
        const int children = 5;
        using CancellationTokenSource timeout = new(TestTimeout);
        await using TaskHubLease hub = azurite.CreateTaskHub();
        await using TestEngineHost host = await TestEngineHost.StartAsync(hub.Options, cancellationToken: timeout.Token);

        string instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(SumOfSubOrchestrationsOrchestrator), children, timeout.Token);
        OrchestrationMetadata result = await host.Client.WaitForInstanceCompletionAsync(
            instanceId, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(SumOfSubOrchestrationsOrchestrator.ExpectedSum(children), result.ReadOutputAs<int>());
        for (int child = 0; child < children; child++)
        {
            OrchestrationMetadata? metadata = await host.Client.GetInstanceAsync(
                SumOfSubOrchestrationsOrchestrator.ChildInstanceId(instanceId, child), timeout.Token);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata?.RuntimeStatus);
        }
    }

    [Fact]
    public async Task CustomStatus_SetByRunningOrchestrator_IsVisibleToClient()
    {
        using CancellationTokenSource timeout = new(TestTimeout);
        await using TaskHubLease hub = azurite.CreateTaskHub();
        await using TestEngineHost host = await TestEngineHost.StartAsync(hub.Options, cancellationToken: timeout.Token);

        string instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(CustomStatusOrchestrator), "batch-7", timeout.Token);
        ProgressStatus waiting = await WaitForCustomStatusAsync(host.Client, instanceId, "waiting", timeout.Token);
        await host.Client.RaiseEventAsync(instanceId, CustomStatusOrchestrator.ProceedEvent, "go", timeout.Token);
        OrchestrationMetadata result = await host.Client.WaitForInstanceCompletionAsync(
            instanceId, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(new ProgressStatus("waiting", "batch-7"), waiting);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(new ProgressStatus("done", "go"), result.ReadCustomStatusAs<ProgressStatus>());
    }

    [Fact]
    public async Task FanOut_TwoHostsSharingTaskHub_BothHostsRunActivities()
    {
        const int activityCount = 300;
        using CancellationTokenSource timeout = new(TestTimeout);
        await using TaskHubLease hub = azurite.CreateTaskHub();
        await using TestEngineHost first = await TestEngineHost.StartAsync(hub.Options, "first", timeout.Token);
        await using TestEngineHost second = await TestEngineHost.StartAsync(hub.Options, "second", timeout.Token);

        Stopwatch elapsed = Stopwatch.StartNew();
        string instanceId = await first.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(SumOfSquaresOrchestrator), activityCount, timeout.Token);
        OrchestrationMetadata result = await second.Client.WaitForInstanceCompletionAsync(
            instanceId, getInputsAndOutputs: true, timeout.Token);
        output.WriteLine(
            $"{activityCount} activities on two hosts after {elapsed.Elapsed.TotalSeconds:0.0} s: "
            + $"{first.Counter.HostName} ran {first.Counter.Executions}, {second.Counter.HostName} ran {second.Counter.Executions}");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(SumOfSquaresOrchestrator.ExpectedSum(activityCount), result.ReadOutputAs<int>());
        Assert.True(first.Counter.Executions > 0, "the first host ran no activity");
        Assert.True(second.Counter.Executions > 0, "the second host ran no activity");
        Assert.True(first.Counter.Executions + second.Counter.Executions >= activityCount);
    }

    [Fact]
    public async Task StartAsync_WorkerConnected_OwnsEveryControlQueueInThePartitionTable()
    {
        using CancellationTokenSource timeout = new(TestTimeout);
        await using TaskHubLease hub = azurite.CreateTaskHub();
        await using TestEngineHost host = await TestEngineHost.StartAsync(hub.Options, cancellationToken: timeout.Token);

        // The table partition manager (as in Durable Functions 3.x) keeps its leases in '{hub}Partitions';
        // the blob-lease manager has no such table.
        TableClient partitions = new(hub.Options.StorageConnectionString, $"{hub.Options.TaskHubName}Partitions");
        List<TableEntity> leases = [];
        while (leases.Count == 0 || leases.Any(lease => string.IsNullOrEmpty(lease.GetString("CurrentOwner"))))
        {
            await Task.Delay(250, timeout.Token);
            try
            {
                leases = [];
                await foreach (TableEntity lease in partitions.QueryAsync<TableEntity>(cancellationToken: timeout.Token))
                {
                    leases.Add(lease);
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Not created yet.
            }
        }

        Assert.Equal(4, leases.Count);
        Assert.Single(leases.Select(lease => lease.GetString("CurrentOwner")).Distinct());
    }

    [Fact]
    public async Task StopAsync_ShutdownTimeSpentWhileActivitiesRun_StopsWithoutThrowing()
    {
        using CancellationTokenSource timeout = new(TestTimeout);
        await using TaskHubLease hub = azurite.CreateTaskHub();
        await using TestEngineHost host = await TestEngineHost.StartAsync(hub.Options, cancellationToken: timeout.Token);
        string instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(SumOfSquaresOrchestrator), 200, timeout.Token);
        await host.Client.WaitForInstanceStartAsync(instanceId, timeout.Token);

        Exception? error = await Record.ExceptionAsync(() => host.Engine.StopAsync(new CancellationToken(canceled: true)));

        Assert.Null(error);
    }

    static async Task<ProgressStatus> WaitForCustomStatusAsync(
        DurableTaskClient client, string instanceId, string phase, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            OrchestrationMetadata? metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
            ProgressStatus? status = metadata?.SerializedCustomStatus is null ? null : metadata.ReadCustomStatusAs<ProgressStatus>();
            if (status?.Phase == phase)
            {
                return status;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }
}
