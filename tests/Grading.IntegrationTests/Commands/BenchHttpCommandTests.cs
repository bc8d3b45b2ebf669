using System.Text.Json;
using Grading.IntegrationTests.LocalEngine;

namespace Grading.IntegrationTests.Commands;

/// <summary><c>grading bench http</c> run as a user runs it, small: the JSON line's fields, zero errors, and the loopback rule.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BenchHttpCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task BenchHttp_FourClientsTwoSeconds_PrintsThreeRoundsAndTheJsonLine()
    {
        await using var hub = azurite.CreateTaskHub();

        var result = await GradingProcess.RunAsync(
            azurite.RepositoryRoot, "bench", "http", "--clients", "4", "--seconds", "2", "--task-hub", hub.Options.TaskHubName);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, lines.Count(l => l.StartsWith("round ", StringComparison.Ordinal)));
        using var json = JsonDocument.Parse(lines[^1]);
        var root = json.RootElement;
        Assert.Equal((4, 2, 3), (root.GetProperty("clients").GetInt32(), root.GetProperty("seconds").GetInt32(), root.GetProperty("rounds").GetInt32()));
        Assert.Equal(0, root.GetProperty("errors").GetInt32());
        var perRound = root.GetProperty("requests_per_round").EnumerateArray().Select(e => e.GetInt32()).ToList();
        Assert.Equal(3, perRound.Count);
        Assert.All(perRound, count => Assert.True(count > 0));
        Assert.Equal(perRound.Sum(), root.GetProperty("requests").GetInt32());
        foreach (var name in new[] { "p50_ms", "p95_ms", "p99_ms", "per_s", "memory_mb", "working_set_mb" })
        {
            var values = root.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToList();
            Assert.True(values.Count == 3 && values.All(v => v > 0), $"{name}: {root.GetProperty(name)}");
        }

        var p50 = root.GetProperty("p50_ms").EnumerateArray().Select(e => e.GetDouble());
        var p99 = root.GetProperty("p99_ms").EnumerateArray().Select(e => e.GetDouble());
        Assert.All(p50.Zip(p99), pair => Assert.True(pair.First <= pair.Second, $"p50 {pair.First} > p99 {pair.Second}"));
        Assert.Contains(root.GetProperty("memory_growing").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
    }

    [Theory]
    [InlineData("http://192.168.1.5:7071")]
    [InlineData("https://grading.example.com")]
    public async Task BenchHttp_UrlOffLoopback_IsRefusedBeforeAnyRequest(string url)
    {
        var result = await GradingProcess.RunAsync(azurite.RepositoryRoot, "bench", "http", "--url", url, "--seconds", "1");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("not a loopback address", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }
}
