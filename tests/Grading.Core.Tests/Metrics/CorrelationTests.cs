using Grading.Core.Metrics;

namespace Grading.Core.Tests.Metrics;

public class CorrelationTests
{
    [Fact]
    public void Pearson_PerfectlyLinear_IsOne()
    {
        // y = 2x: every deviation of y is twice that of x, so cov / sqrt(varX * varY) = 2v / sqrt(v * 4v) = 1.
        Assert.Equal(1.0, Correlation.Pearson([1, 2, 3], [2, 4, 6])!.Value, 12);
    }

    [Fact]
    public void Pearson_PerfectlyInverse_IsMinusOne()
    {
        Assert.Equal(-1.0, Correlation.Pearson([1, 2, 3], [3, 2, 1])!.Value, 12);
    }

    [Fact]
    public void Pearson_HandWorkedExample_IsPointEight()
    {
        // x = 1,2,3,4 and y = 1,3,2,4; both means are 2.5.
        // dx = -1.5,-0.5, 0.5,1.5    dy = -1.5, 0.5,-0.5,1.5
        // cov  = 2.25 - 0.25 - 0.25 + 2.25 = 4
        // varX = varY = 2.25 + 0.25 + 0.25 + 2.25 = 5
        // r = 4 / sqrt(5 * 5) = 0.8
        Assert.Equal(0.8, Correlation.Pearson([1, 2, 3, 4], [1, 3, 2, 4])!.Value, 12);
    }

    [Fact]
    public void Pearson_Uncorrelated_IsZero()
    {
        // x = 1,2,3 (dx = -1,0,1), y = 1,0,1 (mean 2/3, dy = 1/3,-2/3,1/3): cov = -1/3 + 0 + 1/3 = 0.
        Assert.Equal(0.0, Correlation.Pearson([1, 2, 3], [1, 0, 1])!.Value, 12);
    }

    [Fact]
    public void Pearson_ConstantSeries_IsNull()
    {
        Assert.Null(Correlation.Pearson([2, 2, 2], [1, 2, 3]));
        Assert.Null(Correlation.Pearson([1, 2, 3], [0.5, 0.5, 0.5]));
    }

    [Fact]
    public void Pearson_EmptyOrSinglePair_IsNull()
    {
        Assert.Null(Correlation.Pearson([], []));
        Assert.Null(Correlation.Pearson([1], [5]));
    }

    [Fact]
    public void Pearson_DifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => Correlation.Pearson([1, 2], [1, 2, 3]));
    }
}
