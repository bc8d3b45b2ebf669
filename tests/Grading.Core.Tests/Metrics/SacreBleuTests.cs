using Grading.Core.Metrics;

namespace Grading.Core.Tests.Metrics;

public sealed class SacreBleuTests
{
    [Fact]
    public void Corpus_IdenticalTexts_Is100()
    {
        Assert.Equal(100, SacreBleu.Corpus(["The cat sat on the mat."], ["The cat sat on the mat."]), 9);
    }

    [Fact]
    public void Corpus_MissingHigherOrderMatches_UsesExponentialSmoothing()
    {
        // Unigrams 2/4, bigrams 1/3, trigrams 0/2 -> 100/(2*2), 4-grams 0/1 -> 100/(4*1); hypothesis longer, so BP = 1.
        var expected = Math.Pow(50 * (100.0 / 3) * 25 * 25, 0.25);

        Assert.Equal(expected, SacreBleu.Corpus(["the cat the cat"], ["the cat sat"]), 9);
    }

    [Fact]
    public void Corpus_ShortHypothesis_AppliesBrevityPenaltyAndZeroesMissingOrders()
    {
        // "the cat" has no trigram at all: sacreBLEU stops there and the missing precisions count as log(0).
        Assert.Equal(0, SacreBleu.Corpus(["the cat"], ["the cat sat on the mat"]), 9);
    }

    [Fact]
    public void Corpus_NoMatchesOrEmptyHypothesis_IsZero()
    {
        Assert.Equal(0, SacreBleu.Corpus(["dogs bark loudly here"], ["the cat sat down"]));
        Assert.Equal(0, SacreBleu.Corpus([""], ["the cat sat down"]));
        Assert.Equal(0, SacreBleu.Corpus([], []));
    }

    [Fact]
    public void Corpus_IsComputedOverTheWholeCorpusNotAveraged()
    {
        // The second pair alone has no 4-gram; pooled statistics still give a non-zero score.
        var score = SacreBleu.Corpus(["a b c d e", "x y"], ["a b c d e", "x y"]);

        Assert.Equal(100, score, 9);
    }

    [Fact]
    public void Tokenize13a_SplitsPunctuationButKeepsDecimalsAndApostrophes()
    {
        Assert.Equal(
            ["Hello", ",", "world", ".", "It's", "3.5", "-", "4", "(", "ok", ")", "!"],
            SacreBleu.Tokenize13a("Hello, world. It's 3.5-4 (ok)!"));
    }

    [Fact]
    public void Tokenize13a_UnescapesHtmlEntitiesAndJoinsHyphenatedLineBreaks()
    {
        Assert.Equal(["a", "&", "b", "\""], SacreBleu.Tokenize13a("a &amp; b &quot;"));
        Assert.Equal(["network"], SacreBleu.Tokenize13a("net-\nwork"));
    }
}
