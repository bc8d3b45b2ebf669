using Grading.Core.Metrics;

namespace Grading.Core.Tests.Metrics;

public sealed class FScoreTests
{
    [Theory]
    [InlineData(1, 0.5, 2.0 / 3)]
    [InlineData(0.25, 0.25, 0.25)]
    [InlineData(1, 0, 0)]
    [InlineData(0, 0, 0)]
    public void F1_PrecisionAndRecall_IsTheirHarmonicMean(double precision, double recall, double expected)
    {
        Assert.Equal(expected, FScore.F1(precision, recall), precision: 12);
    }
}
