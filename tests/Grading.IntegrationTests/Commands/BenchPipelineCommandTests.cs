using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Grading.Cli.LocalEngine;
using Grading.IntegrationTests.LocalEngine;

namespace Grading.IntegrationTests.Commands;

/// <summary><c>grading bench pipeline</c> run as a user runs it, small: the JSON line's fields, and nothing left behind.</summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class BenchPipelineCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task BenchPipeline_NoStorageNamed_RunsOnAnAzuriteOfItsOwnAndDeletesIt()
    {
        var grades = new BlobContainerClient(LocalEngineOptions.DevelopmentStorage, "grades");
        var benchGradesBefore = await CountAsync(grades, "bench-");

        var result = await GradingProcess.RunAsync(azurite.RepositoryRoot, "bench", "pipeline", "--n", "64", "--answer-chars", "300");

        var root = AssertFigures(result);
        Assert.Equal("own-azurite", root.GetProperty("storage").GetString());
        Assert.True(root.GetProperty("azurite_cpu_s").GetDouble() > 0, result.StandardOutput);
        var folder = OwnAzuriteFolder().Match(result.StandardError);
        Assert.True(folder.Success, result.StandardError);
        Assert.False(Directory.Exists(folder.Groups["path"].Value), folder.Groups["path"].Value);
        Assert.Equal(benchGradesBefore, await CountAsync(grades, "bench-"));
    }

    [Fact]
    public async Task BenchPipeline_OnTheCheckoutsAzurite_PrintsBothRatesAndDeletesItsGrades()
    {
        await using var hub = azurite.CreateTaskHub();
        var grades = new BlobContainerClient(LocalEngineOptions.DevelopmentStorage, "grades");
        var benchGradesBefore = await CountAsync(grades, "bench-");

        var result = await GradingProcess.RunAsync(
            azurite.RepositoryRoot, "bench", "pipeline", "--n", "64", "--answer-chars", "300", "--storage", LocalEngineOptions.DevelopmentStorage, "--task-hub", hub.Options.TaskHubName);

        var root = AssertFigures(result);
        Assert.Equal("checkout-azurite", root.GetProperty("storage").GetString());

        // Azurite's CPU is known when it is this checkout's own (scripts/azurite.sh or the launcher wrote its pid);
        // an Azurite another checkout started on the same ports is reported as null, not guessed.
        var azuriteCpu = root.GetProperty("azurite_cpu_s");
        using var ownAzurite = AzuriteLauncher.OwnProcess(azurite.RepositoryRoot);
        if (ownAzurite is not null)
        {
            Assert.True(azuriteCpu.GetDouble() > 0, result.StandardOutput);
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, azuriteCpu.ValueKind);
        }
        Assert.Equal(benchGradesBefore, await CountAsync(grades, "bench-"));
    }

    private static JsonElement AssertFigures(GradingProcess.Result result)
    {
        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var root = JsonDocument.Parse(lines[^1]).RootElement;
        Assert.Equal(64, root.GetProperty("n").GetInt32());
        Assert.Equal(300, root.GetProperty("answer_chars").GetInt32());
        var (direct, pipeline, ratio) = (root.GetProperty("direct_per_s").GetDouble(), root.GetProperty("pipeline_per_s").GetDouble(), root.GetProperty("ratio").GetDouble());
        Assert.True(direct > 0 && pipeline > 0, lines[^1]);
        Assert.Equal(pipeline / direct, ratio, 0.01);
        Assert.True(root.GetProperty("pipeline_process_cpu_s").GetDouble() > 0, lines[^1]);
        return root;
    }

    [GeneratedRegex(@"an empty Azurite of the benchmark's own in (?<path>\S+) \(")]
    private static partial Regex OwnAzuriteFolder();

    private static async Task<int> CountAsync(BlobContainerClient container, string prefix)
    {
        if (!(await container.ExistsAsync()).Value)
        {
            return 0;
        }

        var count = 0;
        await foreach (var _ in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }))
        {
            count++;
        }

        return count;
    }
}
