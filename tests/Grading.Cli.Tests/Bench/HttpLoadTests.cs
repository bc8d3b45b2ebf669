using Grading.Cli.Bench;

namespace Grading.Cli.Tests.Bench;

public sealed class HttpLoadTests
{
    [Theory]
    [InlineData(0.50, 50.0)]
    [InlineData(0.95, 95.0)]
    [InlineData(0.99, 99.0)]
    [InlineData(1.00, 100.0)]
    public void Percentile_OneToHundred_IsNearestRank(double fraction, double expected)
    {
        var sorted = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();

        Assert.Equal(expected, HttpLoad.Percentile(sorted, fraction));
    }

    [Fact]
    public void Percentile_NoValues_IsZero() => Assert.Equal(0, HttpLoad.Percentile([], 0.5));
}
