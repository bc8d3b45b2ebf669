namespace Grading.Core.Metrics;

/// <summary>
/// One held-out answer as the simple reference graders see it: the mean score of the examples it was held out from,
/// the mean score of its nearest graded answers of the same question for each k of <see cref="BaselineMetrics.Neighbours"/>,
/// and the feedback of the nearest one; both null where its question has no graded answer (an unseen question).
/// </summary>
public sealed record BaselinePrediction(
    string SubmissionId,
    string QuestionId,
    double MaxScore,
    double HumanScore,
    string? HumanFeedback,
    double MeanScore,
    IReadOnlyList<double>? NeighbourScores,
    string? NearestFeedback);
