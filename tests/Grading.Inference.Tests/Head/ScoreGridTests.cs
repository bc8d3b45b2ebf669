using Grading.Inference.Head;

namespace Grading.Inference.Tests.Head;

public sealed class ScoreGridTests
{
    [Theory]
    [InlineData(2.42, 0.5, 2.5)]
    [InlineData(2.36, 0.5, 2.5)]
    [InlineData(0.07, 0.25, 0)]
    [InlineData(1.0, 0.125, 1.0)]
    public void Snap_ScoreNearAStep_MovesOntoIt(double score, double step, double expected)
    {
        Assert.Equal(expected, ScoreGrid.Snap(score, step), precision: 12);
    }

    [Theory]
    [InlineData(2.25, 0.5)]
    [InlineData(2.34, 0.5)]
    [InlineData(0.125, 0.25)]
    public void Snap_ScoreBetweenSteps_StaysAsPredicted(double score, double step)
    {
        Assert.Equal(score, ScoreGrid.Snap(score, step));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Snap_NoUsableStep_LeavesTheScore(double step)
    {
        Assert.Equal(1.93, ScoreGrid.Snap(1.93, step));
    }
}
