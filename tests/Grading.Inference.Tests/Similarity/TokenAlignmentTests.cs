using Grading.Inference.Embeddings;
using Grading.Inference.Similarity;

namespace Grading.Inference.Tests.Similarity;

public sealed class TokenAlignmentTests
{
    [Theory]
    [InlineData(384, 7, 12)]
    [InlineData(384, 1, 1)]
    [InlineData(384, 6, 3)]
    [InlineData(384, 8, 4)]
    [InlineData(3, 5, 4)]
    public void PrecisionAndRecall_RandomStates_EqualTheBestMatchOfEveryToken(int dimension, int candidateTokens, int referenceTokens)
    {
        var random = new Random(dimension + candidateTokens);
        var candidate = RandomStates(random, candidateTokens, dimension);
        var reference = RandomStates(random, referenceTokens, dimension);

        var (precision, recall) = TokenAlignment.PrecisionAndRecall(candidate, reference);

        var similarities = new double[candidateTokens, referenceTokens];
        for (var i = 0; i < candidateTokens; i++)
        {
            for (var j = 0; j < referenceTokens; j++)
            {
                similarities[i, j] = Enumerable.Range(0, dimension).Sum(d => (double)candidate.Row(i)[d] * reference.Row(j)[d]);
            }
        }

        var expectedPrecision = Enumerable.Range(0, candidateTokens).Average(i => Enumerable.Range(0, referenceTokens).Max(j => similarities[i, j]));
        var expectedRecall = Enumerable.Range(0, referenceTokens).Average(j => Enumerable.Range(0, candidateTokens).Max(i => similarities[i, j]));
        Assert.Equal(expectedPrecision, precision, precision: 5);
        Assert.Equal(expectedRecall, recall, precision: 5);
    }

    [Fact]
    public void F1_SameStates_IsOne()
    {
        var states = RandomStates(new Random(1), 9, 384);

        Assert.Equal(1, TokenAlignment.F1(states, states), precision: 5);
    }

    [Fact]
    public void F1_ReferenceHoldsMoreTokens_RecallDropsAndF1IsBelowOne()
    {
        var random = new Random(2);
        var shared = RandomStates(random, 4, 8);
        var extra = RandomStates(random, 4, 8);
        var reference = new TokenStates([.. shared.Values, .. extra.Values], 8);

        var (precision, recall) = TokenAlignment.PrecisionAndRecall(shared, reference);

        Assert.Equal(1, precision, precision: 5);
        Assert.True(recall < 1, $"recall {recall}");
        Assert.True(TokenAlignment.F1(shared, reference) < 1);
    }

    [Fact]
    public void PrecisionAndRecall_Weights_WeighEachTokensBestMatch()
    {
        // Candidate tokens: e0 (matches the reference exactly) and e1 (orthogonal to it); reference: e0.
        var candidate = new TokenStates([1, 0, 0, 1], 2);
        var reference = new TokenStates([1, 0], 2);

        var plain = TokenAlignment.PrecisionAndRecall(candidate, reference);
        var weighted = TokenAlignment.PrecisionAndRecall(candidate, reference, [3f, 1f], [1f]);

        Assert.Equal(0.5, plain.Precision, precision: 6);
        Assert.Equal(0.75, weighted.Precision, precision: 6);
        Assert.Equal(1, weighted.Recall, precision: 6);
    }

    [Fact]
    public void PrecisionAndRecall_AllWeightsZero_CountsTokensEqually()
    {
        var candidate = new TokenStates([1, 0, 0, 1], 2);
        var reference = new TokenStates([1, 0], 2);

        var weighted = TokenAlignment.PrecisionAndRecall(candidate, reference, [0f, 0f], []);

        Assert.Equal(0.5, weighted.Precision, precision: 6);
        Assert.Equal(1, weighted.Recall, precision: 6);
    }

    [Fact]
    public void BestMatches_SeveralOtherTexts_IsEachTokensBestCosineWithAnyOfThemAtLeastZero()
    {
        // Tokens: e0, e1, -e0; the other texts hold 0.6 e0 + 0.8 e1, and e1.
        var tokens = new TokenStates([1, 0, 0, 1, -1, 0], 2);

        var best = TokenAlignment.BestMatches(tokens, [new TokenStates([0.6f, 0.8f], 2), new TokenStates([0, 1], 2)]);

        Assert.Equal([0.6f, 1f, 0f], best, (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void F1_EitherTextHasNoTokens_IsZero()
    {
        var states = RandomStates(new Random(3), 3, 8);

        Assert.Equal(0, TokenAlignment.F1(states, TokenStates.None));
        Assert.Equal(0, TokenAlignment.F1(TokenStates.None, states));
    }

    [Fact]
    public void F1_StatesOfDifferentDimensions_ThrowsNamingBoth()
    {
        var error = Assert.Throws<ArgumentException>(() => TokenAlignment.F1(RandomStates(new Random(4), 2, 8), RandomStates(new Random(5), 2, 16)));

        Assert.Contains("8 and 16", error.Message);
    }

    private static TokenStates RandomStates(Random random, int count, int dimension)
    {
        var values = new float[count * dimension];
        for (var i = 0; i < count; i++)
        {
            var row = values.AsSpan(i * dimension, dimension);
            for (var d = 0; d < dimension; d++)
            {
                row[d] = (float)(random.NextDouble() - 0.5);
            }

            VectorMath.NormalizeInPlace(row);
        }

        return new TokenStates(values, dimension);
    }
}
