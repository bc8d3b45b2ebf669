using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Grading.Core.Serialization;
using Grading.IntegrationTests.LocalEngine;
using Grading.IntegrationTests.Pipeline;
using Grading.Orchestration.Api;

namespace Grading.IntegrationTests.Commands;

/// <summary>Two <c>grading serve</c> processes on one task hub share a batch's chunks.</summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class ServeScaleOutTests(AzuriteFixture azurite)
{
    private const int Rows = 400;
    private const int ChunkSize = 4;
    private const string WorkerConnected = "worker connected, taking work";

    [Fact]
    public async Task Serve_TwoProcessesOnOneHub_BothGradeChunksOfOneBatch()
    {
        await using var hub = azurite.CreateTaskHub();
        var environment = new Dictionary<string, string>
        {
            ["Grading__ChunkSize"] = ChunkSize.ToString(),
            ["Grading__Uploads__Scan"] = "false",
            ["NO_COLOR"] = "1",
        };
        string[] arguments = ["--urls", "http://127.0.0.1:0", "--task-hub", hub.Options.TaskHubName];
        await using var first = await ServeProcess.StartAsync(azurite.RepositoryRoot, environment, arguments);
        await using var second = await ServeProcess.StartAsync(azurite.RepositoryRoot, environment, arguments);

        // A process answers HTTP before its worker connects to the engine; on a busy machine the first one could grade
        // the whole batch before the second takes any work.
        await Task.WhenAll(
            first.WaitForErrorLineAsync(WorkerConnected, TimeSpan.FromMinutes(2)),
            second.WaitForErrorLineAsync(WorkerConnected, TimeSpan.FromMinutes(2)));
        using var toFirst = new HttpClient { BaseAddress = first.Address };
        using var toSecond = new HttpClient { BaseAddress = second.Address };
        var rows = new JsonArray(Enumerable.Range(0, Rows).Select(i => (JsonNode)new JsonObject
        {
            ["submissionId"] = $"s-{i:D4}",
            ["question"] = "Name a property of TCP.",
            ["referenceAnswer"] = "Reliable, ordered delivery.",
            ["maxScore"] = 2,
            ["answer"] = i % 2 == 0 ? "It is reliable." : $"Packets arrive in order ({i}).",
        }).ToArray());

        using var started = await toFirst.PostAsync("/api/batches", new StringContent(new JsonObject { ["rows"] = rows }.ToJsonString(), Encoding.UTF8, "application/json"));
        started.EnsureSuccessStatusCode();
        var batchId = (await started.Content.ReadFromJsonAsync<BatchAccepted>(GradingJson.Options))!.Id;

        // Watched through the other process: both serve the same hub.
        BatchStatusResponse? status = null;
        var deadline = DateTime.UtcNow.AddMinutes(6);
        while (status?.Status is null or "pending" or "running")
        {
            Assert.True(DateTime.UtcNow < deadline, $"batch {batchId} did not finish: {System.Text.Json.JsonSerializer.Serialize(status?.Progress)}\n"
                + $"first:\n{string.Join('\n', first.ErrorLines.TakeLast(15))}\nsecond:\n{string.Join('\n', second.ErrorLines.TakeLast(15))}");
            await Task.Delay(500);
            status = await toSecond.GetFromJsonAsync<BatchStatusResponse>($"/api/batches/{batchId}", GradingJson.Options);
        }

        Assert.Equal(("completed", Rows), (status.Status, status.Progress.Graded));
        var firstChunks = ChunksGradedBy(first, batchId);
        var secondChunks = ChunksGradedBy(second, batchId);
        Assert.True(firstChunks.Count > 0 && secondChunks.Count > 0, $"chunks graded: {firstChunks.Count} by process {first.ProcessId}, {secondChunks.Count} by process {second.ProcessId}");
        Assert.Equal(Enumerable.Range(0, Rows / ChunkSize), firstChunks.Union(secondChunks).Order());
    }

    /// <summary>The chunk indexes a process's GradeChunk log lines name for the batch, with its own process id.</summary>
    private static HashSet<int> ChunksGradedBy(ServeProcess process, string batchId) =>
        process.ErrorLines
            .Select(line => GradeChunkLine().Match(line))
            .Where(m => m.Success && m.Groups["batch"].Value == batchId && m.Groups["pid"].Value == process.ProcessId.ToString())
            .Select(m => int.Parse(m.Groups["chunk"].Value))
            .ToHashSet();

    [GeneratedRegex(@"GradeChunk (?<batch>[A-Za-z0-9._-]+)/(?<chunk>\d+): \d+ graded, \d+ failed, \d+ flagged for review, by process (?<pid>\d+)")]
    private static partial Regex GradeChunkLine();
}
