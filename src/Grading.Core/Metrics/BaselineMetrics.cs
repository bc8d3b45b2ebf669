namespace Grading.Core.Metrics;

/// <summary>
/// The reference points an evaluation is read against, on the same held-out answers: predicting the mean score of the
/// graded answers (of the same question where it has some, else of all), the mean score of the k nearest graded
/// answers of the same question by sentence-embedding cosine, and copying the nearest one's feedback. The same
/// baselines measured on another split (a blind test) tell how hard this split is next to that one.
/// </summary>
public sealed record BaselineMetrics(
    int N,
    ScoreBaseline MeanScore,
    IReadOnlyList<ScoreBaseline> NearestNeighbours,
    FeedbackAgreement? NearestFeedback)
{
    /// <summary>The k of the nearest-neighbour scores.</summary>
    public static IReadOnlyList<int> Neighbours { get; } = [3, 5, 10];

    public static BaselineMetrics Compute(IReadOnlyList<BaselinePrediction> answers)
    {
        if (answers.Count == 0)
        {
            throw new ArgumentException("There is nothing to evaluate: no held-out answer.", nameof(answers));
        }

        // Answers to questions without graded answers (unseen questions) have no neighbours and no feedback to copy.
        var withExamples = answers.Where(a => a.NeighbourScores is not null).ToArray();
        return new BaselineMetrics(
            answers.Count,
            Score("mean score", answers, a => a.MeanScore),
            withExamples.Length == 0 ? [] : [.. Neighbours.Select((k, i) => Score($"{k} nearest", withExamples, a => a.NeighbourScores![i]))],
            FeedbackAgreement.Compute(withExamples.Where(a => a.NearestFeedback is not null).Select(a => (a.NearestFeedback!, a.HumanFeedback))));
    }

    private static ScoreBaseline Score(string name, IReadOnlyList<BaselinePrediction> answers, Func<BaselinePrediction, double> predicted)
    {
        var agreement = ScoreAgreement.Compute(answers.Select(a => (predicted(a), a.HumanScore, a.MaxScore)))!;
        return new ScoreBaseline(name, agreement.Rmse, agreement.Mae);
    }
}
