using Grading.Core.Domain;
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

    [Fact]
    public void FullMarksWhenSure_CorrectAtConfidenceThreshold_GivesMaxScore()
    {
        Assert.Equal(2.5, ScoreGrid.FullMarksWhenSure(2.158, 2.5, GradeLabel.Correct, ScoreGrid.FullMarksFromConfidence));
    }

    [Theory]
    [InlineData(GradeLabel.Correct, 0.64)]
    [InlineData(GradeLabel.PartiallyCorrect, 0.95)]
    [InlineData(GradeLabel.Incorrect, 0.99)]
    public void FullMarksWhenSure_NotSureOrNotCorrect_LeavesTheScore(string label, double confidence)
    {
        Assert.Equal(2.158, ScoreGrid.FullMarksWhenSure(2.158, 2.5, label, confidence));
    }
}
