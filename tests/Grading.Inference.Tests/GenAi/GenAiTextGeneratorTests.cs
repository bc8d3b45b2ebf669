using Grading.Inference.GenAi;
using Grading.Inference.TestModels;

namespace Grading.Inference.Tests.GenAi;

public sealed class GenAiTextGeneratorTests(TinyModelFixture fixture) : IClassFixture<TinyModelFixture>
{
    private const string Prompt = "Question: What does TCP guarantee?\nAnswer: ordered, reliable delivery.\n";

    [Fact]
    public async Task GenerateAsync_Greedy_EqualsFullRecomputeWithoutCacheForAtLeast32Tokens()
    {
        var generated = (await fixture.Generator.GenerateAsync([Prompt], SearchOptions.Greedy(40)))[0];

        var shape = new TinyDecoderShape();
        using var reference = new FullRecomputeReference(Path.Combine(fixture.Folder, TinyDecoderBuilder.FileName), shape.Layers, shape.KvHeads, shape.HeadSize);
        var expected = reference.Greedy(PromptTokens(Prompt), 40, ByteLevelTokenizerFiles.EndTokenId);

        Assert.False(generated.StoppedAtEndToken);
        Assert.True(generated.Tokens.Count >= 32, $"only {generated.Tokens.Count} tokens were generated");
        Assert.Equal(expected, generated.Tokens);
    }

    [Fact]
    public async Task GenerateAsync_TokenProbabilities_EqualTheSoftmaxOfAFullRecomputeAtEachChosenToken()
    {
        var generated = (await fixture.Generator.GenerateAsync([Prompt], SearchOptions.Greedy(24) with { TokenProbabilities = true }))[0];

        var shape = new TinyDecoderShape();
        using var reference = new FullRecomputeReference(Path.Combine(fixture.Folder, TinyDecoderBuilder.FileName), shape.Layers, shape.KvHeads, shape.HeadSize);
        var expected = reference.GreedyWithProbabilities(PromptTokens(Prompt), 24, ByteLevelTokenizerFiles.EndTokenId);

        Assert.NotNull(generated.TokenProbabilities);
        Assert.Equal(expected.Select(e => e.Token), generated.Tokens);
        Assert.Equal(expected.Select(e => Math.Round(e.Probability, 4)), generated.TokenProbabilities.Select(p => Math.Round(p, 4)));
        Assert.All(generated.TokenProbabilities, p => Assert.InRange(p, double.Epsilon, 1));
        Assert.True(generated.TokenProbabilities.Distinct().Count() > 1, "every token got the same probability");
        // The last token ends where the decoded reply ends.
        Assert.Equal(generated.Text.Length, generated.TokenTextEnds![^1]);
    }

    [Fact]
    public async Task GenerateAsync_PaddedBatchOfTwo_TokenProbabilitiesEqualTwoSingleRuns()
    {
        string[] prompts = ["Short answer.", "A much longer answer that forces the first prompt to be padded on the left."];
        var options = SearchOptions.Greedy(16) with { TokenProbabilities = true };

        var batched = await fixture.Generator.GenerateAsync(prompts, options);
        var first = (await fixture.Generator.GenerateAsync([prompts[0]], options))[0];
        var second = (await fixture.Generator.GenerateAsync([prompts[1]], options))[0];

        Assert.Equal(first.TokenProbabilities!.Select(p => Math.Round(p, 4)), batched[0].TokenProbabilities!.Select(p => Math.Round(p, 4)));
        Assert.Equal(second.TokenProbabilities!.Select(p => Math.Round(p, 4)), batched[1].TokenProbabilities!.Select(p => Math.Round(p, 4)));
    }

    [Theory]
    [InlineData("Score: 3\nFeedback: ok")]
    [InlineData("Bewertung ü — Score: 3.5 传输 🚀\nFeedback: gut")]
    public void TokenTextEnds_MultiByteText_EachEndIsTheDecodedPrefixLength(string text)
    {
        using var sequences = fixture.Model.Tokenizer.Encode(text);
        var tokens = sequences[0].ToArray();

        var ends = TokenTextEnds.Of(fixture.Model.Tokenizer, tokens, text.Length);

        // A byte-level token inside a multi-byte character ends where the character does, once it is complete.
        var expected = Enumerable.Range(1, tokens.Length).Select(n => fixture.Model.Tokenizer.Decode(tokens[..n]).TrimEnd('\uFFFD').Length).ToArray();
        Assert.Equal(text.Length, ends[^1]);
        Assert.Equal(expected, ends);
        var digit = text.IndexOf('3', StringComparison.Ordinal);
        Assert.Equal(digit + 1, ends.First(e => e > digit));
    }

    [Fact]
    public async Task GenerateAsync_WithoutTokenProbabilities_RecordsNone()
    {
        var generated = (await fixture.Generator.GenerateAsync([Prompt], SearchOptions.Greedy(4)))[0];

        Assert.Null(generated.TokenProbabilities);
        Assert.Null(generated.TokenTextEnds);
    }

    [Fact]
    public async Task GenerateAsync_EndTokenReached_StopsAndDropsTheEndToken()
    {
        // Random weights rarely pick the real end token, so make a token the greedy path reaches at step k the end token.
        var greedy = (await fixture.Generator.GenerateAsync([Prompt], SearchOptions.Greedy(24)))[0].Tokens;
        var step = Enumerable.Range(1, greedy.Count - 1).FirstOrDefault(i => !greedy.Take(i).Contains(greedy[i]));
        var endToken = greedy[step];
        using var model = DecoderModel.Load(fixture.Folder, "{\"model\": {\"eos_token_id\": " + endToken + "}}");
        using var generator = new GenAiTextGenerator(model);

        var stopped = (await generator.GenerateAsync([Prompt], SearchOptions.Greedy(24)))[0];

        Assert.True(stopped.StoppedAtEndToken, $"end {endToken} at step {step}; greedy [{string.Join(",", greedy)}]; got [{string.Join(",", stopped.Tokens)}]");
        Assert.Equal(greedy.Take(step), stopped.Tokens);
    }

    [Fact]
    public async Task GenerateAsync_PaddedBatchOfTwo_EqualsTwoSingleRuns()
    {
        string[] prompts = ["Short answer.", "A much longer answer that forces the first prompt to be padded on the left."];

        var batched = await fixture.Generator.GenerateAsync(prompts, SearchOptions.Greedy(32));
        var first = (await fixture.Generator.GenerateAsync([prompts[0]], SearchOptions.Greedy(32)))[0];
        var second = (await fixture.Generator.GenerateAsync([prompts[1]], SearchOptions.Greedy(32)))[0];

        Assert.Equal(first.Tokens, batched[0].Tokens);
        Assert.Equal(second.Tokens, batched[1].Tokens);
        Assert.NotEqual(batched[0].Tokens, batched[1].Tokens);
    }

    [Fact]
    public async Task GenerateAsync_CancelledToken_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Generator.GenerateAsync([Prompt], SearchOptions.Greedy(32), cancelled.Token));
    }

    [Theory]
    [InlineData("Die Übertragung ist zuverlässig: ß, ä, ö.")]
    [InlineData("传输控制协议保证有序交付。")]
    [InlineData("Протокол TCP — надёжный. 🚀 مرحبا")]
    public void Tokenizer_NonLatinText_RoundTrips(string text)
    {
        using var sequences = fixture.Model.Tokenizer.Encode(text);
        var tokens = sequences[0].ToArray();

        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(text), tokens.Length);
        Assert.Equal(text, fixture.Model.Tokenizer.Decode(tokens));
    }

    [Fact]
    public void Load_MissingFolder_ThrowsNamingThePath()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-model-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<ModelFolderException>(() => DecoderModel.Load(missing));

        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void Load_CorruptDecoder_ThrowsNamingThePath()
    {
        var folder = Path.Combine(Path.GetTempPath(), "corrupt-model-" + Guid.NewGuid().ToString("N"));
        try
        {
            TestModelWriter.Write(folder);
            File.WriteAllText(Path.Combine(folder, TinyDecoderBuilder.FileName), "not an onnx model");

            var error = Assert.Throws<ModelFolderException>(() => DecoderModel.Load(folder));

            Assert.Contains(folder, error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<int> PromptTokens(string prompt) => System.Text.Encoding.UTF8.GetBytes(prompt).Select(b => (int)b).ToList();
}
