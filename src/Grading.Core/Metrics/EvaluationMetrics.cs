using System.Text.Json.Serialization;

namespace Grading.Core.Metrics;

/// <summary>
/// The figures an evaluation prints. Score errors are on scores divided by each question's maxScore; QWK rates scores
/// rounded to each question's score step; BLEU (0-100, sacreBLEU default) and ROUGE F1 (0-1, rouge-score, no stemming)
/// compare predicted with human feedback over the answers that have human feedback. Null where a figure is undefined.
/// </summary>
public sealed record EvaluationMetrics(
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("rmse")] double Rmse,
    [property: JsonPropertyName("mae")] double Mae,
    [property: JsonPropertyName("gradePercentError")] double GradePercentError,
    [property: JsonPropertyName("qwk")] double? Qwk,
    [property: JsonPropertyName("pearson")] double? Pearson,
    [property: JsonPropertyName("labelAccuracy")] double? LabelAccuracy,
    [property: JsonPropertyName("labelMacroF1")] double? LabelMacroF1,
    [property: JsonPropertyName("bleu")] double? Bleu,
    [property: JsonPropertyName("rouge1")] double? Rouge1,
    [property: JsonPropertyName("rouge2")] double? Rouge2,
    [property: JsonPropertyName("rougeL")] double? RougeL,
    [property: JsonPropertyName("needsReviewRate")] double NeedsReviewRate,
    [property: JsonPropertyName("rmseAt80")] double RmseAt80,
    [property: JsonPropertyName("rmseAt90")] double RmseAt90,
    [property: JsonPropertyName("rmseAt100")] double RmseAt100,
    [property: JsonPropertyName("maeAt80")] double MaeAt80,
    [property: JsonPropertyName("maeAt90")] double MaeAt90,
    [property: JsonPropertyName("calibrationError")] double CalibrationError,
    [property: JsonPropertyName("qwkSteps")] string QwkSteps)
{
    public static EvaluationMetrics Compute(IReadOnlyList<EvaluatedAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Count == 0)
        {
            throw new ArgumentException("There is nothing to evaluate: no answer carries a human score.", nameof(answers));
        }

        var scores = ScoreAgreement.Compute(answers.Select(a => (a.PredictedScore, a.HumanScore, a.MaxScore)))!;
        var qwk = QuadraticWeightedKappa.Compute(
            answers.Select(a => QuadraticWeightedKappa.ToRating(Math.Clamp(a.PredictedScore, 0, a.MaxScore), a.ScoreStep)).ToArray(),
            answers.Select(a => QuadraticWeightedKappa.ToRating(a.HumanScore, a.ScoreStep)).ToArray());
        var labels = LabelAgreement.Compute(answers.Select(a => (a.PredictedLabel, a.HumanLabel)));
        var feedback = FeedbackAgreement.Compute(answers.Select(a => (a.PredictedFeedback, a.HumanFeedback)));

        var confidence = ConfidenceReport.Compute(answers.Select(a => (a.NormalisedError, a.Confidence)).ToArray());
        var steps = answers.Select(a => a.ScoreStep).Distinct().Order().Select(s => s.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture));
        return new EvaluationMetrics(
            answers.Count,
            Round(scores.Rmse),
            Round(scores.Mae),
            Math.Round(scores.GradePercentError, 2),
            Round(qwk),
            scores.Pearson,
            Round(labels?.Accuracy),
            Round(labels?.MacroF1),
            feedback?.Bleu,
            feedback?.Rouge1,
            feedback?.Rouge2,
            feedback?.RougeL,
            Round(answers.Count(a => a.NeedsReview) / (double)answers.Count),
            Round(confidence.Coverage[0].Rmse),
            Round(confidence.Coverage[1].Rmse),
            Round(confidence.Coverage[2].Rmse),
            Round(confidence.Coverage[0].Mae),
            Round(confidence.Coverage[1].Mae),
            Round(confidence.ExpectedCalibrationError),
            "score steps " + string.Join(", ", steps) + " points");
    }

    private static double Round(double value) => Math.Round(value, 4);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;
}
