using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Grading.Core.Serialization;
using Grading.IntegrationTests.Commands;
using Grading.IntegrationTests.LocalEngine;
using Grading.IntegrationTests.Pipeline;
using Grading.Orchestration.Api;
using Grading.Orchestration.Storage;

namespace Grading.IntegrationTests.Faults;

/// <summary>Two <c>grading serve</c> processes share a task hub; one dies by SIGKILL mid-batch and the other finishes it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServeKilledTests(AzuriteFixture azurite)
{
    private const int Rows = 1000;

    [Fact]
    public async Task Serve_OneOfTwoKilledMidBatch_BatchCompletesWithExactlyOneGradePerSubmission()
    {
        await using var hub = azurite.CreateTaskHub();
        var assignmentId = GeneratedBatches.NewAssignmentId();
        var environment = new Dictionary<string, string>
        {
            ["Grading__ChunkSize"] = "10",
            ["Grading__Uploads__Scan"] = "false",
            ["NO_COLOR"] = "1",
        };
        // Work the dead process held comes back after the visibility timeout: 20 s instead of 5 minutes keeps the test short.
        string[] arguments = ["--urls", "http://127.0.0.1:0", "--task-hub", hub.Options.TaskHubName, "--queue-visibility-timeout", "20"];
        await using var victim = await ServeProcess.StartAsync(azurite.RepositoryRoot, environment, arguments);
        await using var survivor = await ServeProcess.StartAsync(azurite.RepositoryRoot, environment, arguments);
        using var toVictim = new HttpClient { BaseAddress = victim.Address };
        using var toSurvivor = new HttpClient { BaseAddress = survivor.Address };
        var rows = new JsonArray(Enumerable.Range(0, Rows).Select(i => (JsonNode)new JsonObject
        {
            ["submissionId"] = $"k-{i:D4}",
            ["assignmentId"] = assignmentId,
            ["question"] = "Name a property of TCP.",
            ["referenceAnswer"] = "Reliable, ordered delivery.",
            ["maxScore"] = 2,
            ["answer"] = i % 3 == 0 ? "It is reliable." : $"Segments arrive in order ({i}).",
        }).ToArray());

        using var started = await toVictim.PostAsync("/api/batches", new StringContent(new JsonObject { ["rows"] = rows }.ToJsonString(), Encoding.UTF8, "application/json"));
        started.EnsureSuccessStatusCode();
        var batchId = (await started.Content.ReadFromJsonAsync<BatchAccepted>(GradingJson.Options))!.Id;

        // Kill it once it is grading: it holds chunks (and maybe the orchestration's partition) when it dies.
        var killDeadline = DateTime.UtcNow.AddMinutes(3);
        while (!victim.ErrorLines.Any(line => line.Contains($"GradeChunk {batchId}/", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < killDeadline, "the first process never graded a chunk");
            await Task.Delay(100);
        }

        await victim.KillAsync();
        var atKill = await toSurvivor.GetFromJsonAsync<BatchStatusResponse>($"/api/batches/{batchId}", GradingJson.Options);

        BatchStatusResponse? status = null;
        var deadline = DateTime.UtcNow.AddMinutes(8);
        while (status?.Status is null or "pending" or "running")
        {
            Assert.True(DateTime.UtcNow < deadline, $"batch {batchId} did not finish after the kill: {System.Text.Json.JsonSerializer.Serialize(status?.Progress)}\n"
                + string.Join('\n', survivor.ErrorLines.TakeLast(20)));
            await Task.Delay(500);
            status = await toSurvivor.GetFromJsonAsync<BatchStatusResponse>($"/api/batches/{batchId}", GradingJson.Options);
        }

        Assert.True(atKill!.Progress.Graded < Rows, $"the batch had already finished when the process was killed ({atKill.Progress.Graded} graded)");
        Assert.Equal(("completed", Rows, 0), (status.Status, status.Progress.Graded, status.Progress.Failed));

        var results = await toSurvivor.GetStringAsync($"/api/batches/{batchId}/results?format=jsonl");
        var ids = results.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!["submissionId"]!.GetValue<string>()).ToList();
        Assert.Equal(Rows, ids.Count);
        Assert.Equal(Rows, ids.Distinct().Count());

        // One current grade blob per submission, and no second version of any: a chunk graded twice wrote the same grade.
        var grades = new BlobContainerClient(hub.Options.StorageConnectionString, Containers.Grades);
        var blobs = new List<string>();
        await foreach (var blob in grades.GetBlobsAsync(new GetBlobsOptions { Prefix = assignmentId + "/" }))
        {
            blobs.Add(blob.Name);
        }

        Assert.Equal(ids.Order().Select(id => $"{assignmentId}/{id}.json"), blobs.Where(name => !name.Contains("/_history/", StringComparison.Ordinal)).Order());
        Assert.DoesNotContain(blobs, name => name.Contains("/_history/", StringComparison.Ordinal));
    }
}
