using Grading.Core.Metrics;

namespace Grading.Core.Tests.Metrics;

public sealed class QuadraticWeightedKappaTests
{
    [Fact]
    public void Compute_HandWorkedRatings_MatchesTheFormula()
    {
        // Observed weighted disagreement 1 (one pair off by 1); expected 8/1 over 4 pairs from the marginals -> 1 - 1/8.
        Assert.Equal(0.875, QuadraticWeightedKappa.Compute([0, 1, 2, 3], [0, 1, 2, 2])!.Value, 9);
    }

    [Fact]
    public void Compute_UnusedMiddleRating_StillCountsAsDistance()
    {
        // Ratings 0, 2, 4 with nobody giving 1 or 3: weights use the values, so 2 vs 4 is twice as far as 1 would be.
        Assert.Equal(0.8, QuadraticWeightedKappa.Compute([0, 2, 4], [0, 4, 4])!.Value, 9);
    }

    [Fact]
    public void Compute_ConstantPrediction_IsZero()
    {
        Assert.Equal(0, QuadraticWeightedKappa.Compute([1, 1, 1], [0, 1, 2])!.Value, 9);
    }

    [Fact]
    public void Compute_BothRatersOneSameRating_IsUndefined()
    {
        Assert.Null(QuadraticWeightedKappa.Compute([2, 2], [2, 2]));
        Assert.Null(QuadraticWeightedKappa.Compute([], []));
    }

    [Fact]
    public void ToRating_ScoresOnAHalfPointStep_BecomeIntegers()
    {
        Assert.Equal([0, 1, 3, 5], new[] { 0, 0.5, 1.4, 2.5 }.Select(s => QuadraticWeightedKappa.ToRating(s, 0.5)));
    }
}
