namespace Grading.Core.Metrics;

/// <summary>One graded answer next to the human grade, as an evaluation sees it. <see cref="ScoreStep"/> is the question's score step.</summary>
public sealed record EvaluatedAnswer(
    string SubmissionId,
    string QuestionId,
    double MaxScore,
    double ScoreStep,
    double PredictedScore,
    double HumanScore,
    string? PredictedLabel,
    string? HumanLabel,
    string PredictedFeedback,
    string? HumanFeedback,
    double Confidence,
    bool NeedsReview)
{
    public double NormalisedError => MaxScore > 0 ? Math.Abs(PredictedScore - HumanScore) / MaxScore : 0;
}
