using Grading.Core.Metrics;

namespace Grading.Core.Tests.Metrics;

public sealed class ConfidenceReportTests
{
    private static readonly (double, double)[] Items = [(0.1, 0.9), (0.5, 0.1), (0.0, 0.8), (0.2, 0.5)];

    [Fact]
    public void CoverageErrorAt_HalfCoverage_KeepsTheMostConfidentHalf()
    {
        var half = CoverageError.At(Items, 0.5);

        Assert.Equal(2, half.Kept);
        Assert.Equal(0.05, half.Mae, 9);
        Assert.Equal(Math.Sqrt(0.005), half.Rmse, 9);
    }

    [Fact]
    public void CoverageErrorAt_FullCoverage_IsTheErrorOfAll()
    {
        Assert.Equal(0.2, CoverageError.At(Items, 1).Mae, 9);
    }

    [Fact]
    public void Compute_ReliabilityBins_CountAcceptableGradesPerConfidenceBin()
    {
        var report = ConfidenceReport.Compute(Items);

        Assert.Equal(Items.Length, report.Reliability.Sum(b => b.Count));
        var top = report.Reliability.Single(b => b.From == 0.9);
        Assert.Equal((1, 1.0), (top.Count, top.AcceptableRate));
        var low = report.Reliability.Single(b => b.From == 0.1);
        Assert.Equal(0, low.AcceptableRate);
        Assert.Equal([0.8, 0.9, 1.0], report.Coverage.Select(c => c.Coverage));
    }

    [Fact]
    public void Compute_NoItems_GivesEmptyTableAndZeroError()
    {
        var report = ConfidenceReport.Compute([]);

        Assert.Empty(report.Reliability);
        Assert.All(report.Coverage, c => Assert.Equal(0, c.Kept));
    }
}
