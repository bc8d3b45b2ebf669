using Grading.Core.Metrics;

namespace Grading.Core.Tests.Metrics;

public sealed class EvaluationMetricsTests
{
    [Fact]
    public void Compute_TwoAnswers_NormalisesByMaxScoreAndComparesFeedback()
    {
        EvaluatedAnswer[] answers =
        [
            new("a1", "q1", 2, 0.5, 1.5, 2, "Partially correct", "Correct", "Correct.", "Correct.", 0.9, false),
            new("a2", "q2", 4, 1, 0, 0, "Incorrect", "Incorrect", "Wrong device.", "Incorrect: a hub is a layer 1 device.", 0.2, true),
        ];

        var metrics = EvaluationMetrics.Compute(answers);

        Assert.Equal(2, metrics.N);
        Assert.Equal(0.125, metrics.Mae, 9); // |1.5 - 2| / 2 = 0.25 and 0
        Assert.Equal(12.5, metrics.GradePercentError, 9);
        Assert.Equal(Math.Round(Math.Sqrt(0.25 * 0.25 / 2), 4), metrics.Rmse, 9);
        Assert.Equal(0.5, metrics.LabelAccuracy);
        Assert.Equal(0.5, metrics.NeedsReviewRate);
        Assert.Equal(0.6, metrics.Rouge1); // 1 for "Correct."; "device" alone shared: P 1/2, R 1/8, F1 0.2
        Assert.Contains("0.5, 1", metrics.QwkSteps);
    }

    [Fact]
    public void Compute_NoAnswers_Throws()
    {
        Assert.Throws<ArgumentException>(() => EvaluationMetrics.Compute([]));
    }

    [Fact]
    public void ScoreStepOf_HalfPointScores_IsHalf()
    {
        Assert.Equal(0.5, ScoreStep.Of([0, 0.5, 2]));
        Assert.Equal(1, ScoreStep.Of([0, 1, 3]));
    }

    [Fact]
    public void ScoreStepOf_TenthsOfAPoint_IsATenthNotTheEighthsThatRoundThemTogether()
    {
        // On eighths, 0.2 and 0.3 would both round to 0.25 and QWK would count them as one rating.
        Assert.Equal(0.1, ScoreStep.Of([0, 0.2, 0.3, 0.7, 1]));
        Assert.Equal(0.2, ScoreStep.Of([0, 0.4, 0.6, 1]));
    }

    [Fact]
    public void ScoreStepOf_EighthsWrittenToTwoDecimals_IsAnEighth()
    {
        Assert.Equal(0.125, ScoreStep.Of([0.38, 0.63, 0.88, 1]));
    }

    [Fact]
    public void ScoreStepOf_ScoresOnNoCandidateStep_AreTakenAsEighths()
    {
        Assert.Equal(ScoreStep.WhenNoneFits, ScoreStep.Of([0.5, 0.68, 1]));
    }
}
