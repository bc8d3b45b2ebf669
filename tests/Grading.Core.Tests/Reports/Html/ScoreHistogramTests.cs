using Grading.Core.Reports.Html;

namespace Grading.Core.Tests.Reports.Html;

public class ScoreHistogramTests
{
    [Fact]
    public void Count_EdgesAndFullMarks_FallInTheRightBins()
    {
        var counts = ScoreHistogram.Count([0, 9.99, 10, 55, 99.9, 100, 100]);

        Assert.Equal(new[] { 2, 1, 0, 0, 0, 1, 0, 0, 0, 3 }, counts);
    }
}
