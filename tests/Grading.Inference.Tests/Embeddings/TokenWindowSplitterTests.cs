using Grading.Inference.Embeddings;

namespace Grading.Inference.Tests.Embeddings;

public sealed class TokenWindowSplitterTests
{
    // One token per word keeps the expected windows easy to reason about.
    private static readonly TokenWindowSplitter Splitter = new(maxTokensPerWindow: 10, overlapTokens: 3, countWordTokens: _ => 1);

    [Fact]
    public void Split_TextWithinWindow_ReturnsTextUnchanged()
    {
        var text = "one two  three\nfour";

        Assert.Equal([text], Splitter.Split(text));
    }

    [Fact]
    public void Split_TextLongerThanWindow_WindowsFitOverlapAndCoverEveryWord()
    {
        var words = Enumerable.Range(1, 25).Select(i => $"w{i}").ToArray();

        var windows = Splitter.Split(string.Join(' ', words)).Select(window => window.Split(' ')).ToArray();

        Assert.True(windows.Length > 1);
        Assert.All(windows, window => Assert.InRange(window.Length, 1, 10));
        for (var i = 1; i < windows.Length; i++)
        {
            Assert.Equal(3, windows[i - 1].Intersect(windows[i]).Count());
        }

        Assert.Equal(words, windows.SelectMany(window => window).Distinct());
    }

    [Fact]
    public void Split_WordsOfSeveralTokens_CountsTokensNotWords()
    {
        var splitter = new TokenWindowSplitter(maxTokensPerWindow: 10, overlapTokens: 0, countWordTokens: word => word.Length);

        var windows = splitter.Split("aaaa bbbb cccc dddd");

        Assert.Equal(["aaaa bbbb", "cccc dddd"], windows);
    }
}
