using System.Diagnostics;
using Grading.Cli.Hosting;
using Grading.IntegrationTests.LocalEngine;
using Grading.IntegrationTests.Pipeline;
using Grading.Orchestration.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace Grading.IntegrationTests.Faults;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteRestartTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task GradeBatch_StorageStoppedAndRestartedMidBatch_StillCompletesWithEveryGrade()
    {
        await using var storage = await PrivateAzurite.StartAsync(azurite.RepositoryRoot, firstPort: 20010);
        // Messages taken just before the outage come back after the visibility timeout: 20 s instead of 5 min here.
        var options = new LocalHostOptions(storage.ConnectionString, "restart" + Guid.NewGuid().ToString("N")[..8]) { QueueVisibilityTimeout = TimeSpan.FromSeconds(20) };
        using var host = await LocalHost.StartAsync(options);
        var batches = host.Services.GetRequiredService<BatchClient>();
        var assignmentId = GeneratedBatches.NewAssignmentId();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));

        var batchId = await batches.StartAsync(new BatchRequest("outage.csv", GeneratedBatches.Csv(300), GeneratedBatches.AssignmentJson(assignmentId)), timeout.Token);
        while ((await batches.GetStatusAsync(batchId, timeout.Token))?.Progress is not { Graded: > 0 })
        {
            await Task.Delay(100, timeout.Token);
        }

        await storage.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(3), timeout.Token);
        await storage.StartAsync();
        var restartedAt = Stopwatch.StartNew();
        var status = await batches.WaitAsync(batchId, cancellationToken: timeout.Token);
        output.WriteLine($"Completed {restartedAt.Elapsed.TotalSeconds:0.0} s after the restart.");

        Assert.True(status.Result is not null, $"{status.RuntimeStatus}: {status.FailureMessage}");
        Assert.Equal((300, 0), (status.Result.Summary.Graded, status.Result.Summary.Failed));
        await host.StopAsync(CancellationToken.None);
    }
}
