using Grading.Core.Metrics;

namespace Grading.Core.Tests.Metrics;

public sealed class BaselineMetricsTests
{
    [Fact]
    public void Compute_TwoAnswers_GivesEachBaselinesErrorOnNormalisedScores()
    {
        // maxScore 2: human 2 and 0. Mean 1 for both: errors 0.5 and 0.5. Neighbours: k=3 exact, k=5 off by 1 and 0,
        // k=10 off by 2 and 2 (whole scale).
        BaselinePrediction[] answers =
        [
            new("a1", "q1", 2, 2, "Correct.", 1, [2, 1, 0], "Correct."),
            new("a2", "q1", 2, 0, "Wrong protocol.", 1, [0, 0, 2], "Correct."),
        ];

        var metrics = BaselineMetrics.Compute(answers);

        Assert.Equal(2, metrics.N);
        Assert.Equal(new ScoreBaseline("mean score", 0.5, 0.5), metrics.MeanScore);
        Assert.Equal(
            [new ScoreBaseline("3 nearest", 0, 0), new ScoreBaseline("5 nearest", Math.Round(Math.Sqrt(0.125), 4), 0.25), new ScoreBaseline("10 nearest", 1, 1)],
            metrics.NearestNeighbours);
        Assert.Equal(2, metrics.NearestFeedback!.N);
        Assert.Equal(0.5, metrics.NearestFeedback.Rouge1);
    }

    [Fact]
    public void Compute_UnseenQuestionsOnly_HasMeanScoreButNoNeighboursOrFeedback()
    {
        BaselinePrediction[] answers = [new("a1", "q9", 4, 3, "Good.", 2, null, null)];

        var metrics = BaselineMetrics.Compute(answers);

        Assert.Equal(new ScoreBaseline("mean score", 0.25, 0.25), metrics.MeanScore);
        Assert.Empty(metrics.NearestNeighbours);
        Assert.Null(metrics.NearestFeedback);
    }

    [Fact]
    public void Compute_NoAnswer_Throws()
    {
        Assert.Throws<ArgumentException>(() => BaselineMetrics.Compute([]));
    }
}
