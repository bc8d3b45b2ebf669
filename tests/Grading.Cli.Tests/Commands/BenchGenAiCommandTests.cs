using System.Text.Json;
using Grading.Cli.Commands;
using Grading.Inference.TestModels;
using Spectre.Console.Cli;

namespace Grading.Cli.Tests.Commands;

[CollectionDefinition(nameof(ConsoleOutput), DisableParallelization = true)]
public sealed class ConsoleOutput;

/// <summary>Runs the benchmark on the tiny model and reads its JSON line (no timing is asserted: figures vary by machine).</summary>
[Collection(nameof(ConsoleOutput))]
public sealed class BenchGenAiCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bench-genai-").FullName;

    [Fact]
    public async Task Execute_TinyModelWithSharedPrefix_ReportsPrefillApartAndTheSameRepliesWithThePrefixRunOnce()
    {
        TestModelWriter.Write(_folder);
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        int exit;
        try
        {
            exit = await new CommandApp<BenchGenAiCommand>().RunAsync(["--model", _folder, "--batch", "2", "--repeat", "1", "--shared-prefix"]);
        }
        finally
        {
            Console.SetOut(console);
        }

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output.ToString().Trim().Split('\n')[^1]);
        var root = json.RootElement;
        Assert.Equal("genai", root.GetProperty("bench").GetString());
        Assert.Equal("generated", root.GetProperty("tokens").GetString());
        Assert.Equal(64, root.GetProperty("newTokensPerAnswer").GetInt32()); // grading-model.json max_new_tokens
        Assert.Equal(2, root.GetProperty("batchSize").GetInt32());
        Assert.InRange(root.GetProperty("sequentialPrefillMs").GetDouble(), double.Epsilon, root.GetProperty("sequentialMs").GetDouble());
        Assert.InRange(root.GetProperty("batchedPrefillMs").GetDouble(), double.Epsilon, root.GetProperty("batchedMs").GetDouble());
        Assert.True(root.GetProperty("batchedTokensPerSecond").GetDouble() > 0);
        // The bench prompts differ only in the answer, which comes after the instructions, question and reference.
        Assert.InRange(root.GetProperty("sharedPrefixTokens").GetInt32(), root.GetProperty("promptTokens").GetInt32() / 2, root.GetProperty("promptTokens").GetInt32() - 1);
        Assert.True(root.GetProperty("prefillBoundSpeedup").GetDouble() > 0);
        // Running the shared prefix once (continuous decoding) gives the same greedy replies as whole prompts.
        Assert.Equal(2, root.GetProperty("sharedPrefixSameReplies").GetInt32());
        Assert.InRange(root.GetProperty("sharedPrefixPrefillMs").GetDouble(), double.Epsilon, root.GetProperty("sharedPrefixMs").GetDouble());
        Assert.True(root.GetProperty("projectedSharedPrefixBatchSpeedup").GetDouble() > 0);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
