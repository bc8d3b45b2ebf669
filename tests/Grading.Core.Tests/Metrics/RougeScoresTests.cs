using Grading.Core.Metrics;

namespace Grading.Core.Tests.Metrics;

public sealed class RougeScoresTests
{
    [Fact]
    public void Compute_HandWorkedPair_MatchesRougeScore()
    {
        // target: the cat sat on the mat (6 tokens); prediction: the cat on a mat (5).
        // Unigram overlap 4 -> P 4/5, R 4/6. Bigram overlap 1 ("the cat") -> P 1/4, R 1/5. LCS "the cat on mat" = 4.
        var scores = RougeScores.Compute("The cat sat on the mat.", "the cat on a mat");

        Assert.Equal(F1(4.0 / 5, 4.0 / 6), scores.Rouge1, 9);
        Assert.Equal(F1(1.0 / 4, 1.0 / 5), scores.Rouge2, 9);
        Assert.Equal(F1(4.0 / 5, 4.0 / 6), scores.RougeL, 9);
    }

    [Fact]
    public void Compute_EmptyTextOnEitherSide_IsZero()
    {
        Assert.Equal(new RougeScores(0, 0, 0), RougeScores.Compute("", "something"));
        Assert.Equal(new RougeScores(0, 0, 0), RougeScores.Compute("something", "   "));
        Assert.Equal(new RougeScores(0, 0, 0), RougeScores.Compute("", ""));
    }

    [Fact]
    public void Compute_SingleWord_HasNoBigramsAndScoresZeroOnRouge2()
    {
        var scores = RougeScores.Compute("Correct.", "Correct");

        Assert.Equal(1, scores.Rouge1);
        Assert.Equal(0, scores.Rouge2);
        Assert.Equal(1, scores.RougeL);
    }

    [Fact]
    public void Tokenize_LowercasesAndTurnsEverythingButAsciiLettersAndDigitsIntoSpaces()
    {
        Assert.Equal(["caf", "au", "lait", "is", "10", "off"], RougeScores.Tokenize("Café-au-lait is 10% OFF!"));
    }

    [Fact]
    public void Mean_AveragesPerPairF1()
    {
        var mean = RougeScores.Mean(["a b", "c d"], ["a b", "x y"]);

        Assert.Equal(0.5, mean.Rouge1, 9);
        Assert.Equal(0.5, mean.Rouge2, 9);
    }

    [Fact]
    public void RougeLF1_TokenizedTexts_EqualsTheRougeLOfCompute()
    {
        // LCS "a c d" of 4 and 5 tokens: precision 3/5, recall 3/4.
        var single = RougeScores.RougeLF1(RougeScores.Tokenize("a b c d"), RougeScores.Tokenize("a c x d y"));

        Assert.Equal(F1(3.0 / 5, 3.0 / 4), single, 9);
        Assert.Equal(RougeScores.Compute("a b c d", "a c x d y").RougeL, single, 12);
    }

    private static double F1(double p, double r) => 2 * p * r / (p + r);
}
