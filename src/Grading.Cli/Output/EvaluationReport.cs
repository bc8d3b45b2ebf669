using System.Globalization;
using Grading.Core.Domain;
using Grading.Core.Metrics;
using Grading.Core.Reports;
using Grading.Core.Reports.Html;

namespace Grading.Cli.Output;

/// <summary>
/// eval's report.html: the evaluated answers as grades that carry the human score, so a teacher reads an evaluation
/// on the same page as a graded batch.
/// </summary>
internal static class EvaluationReport
{
    public const string Grader = "eval";

    public static byte[] ToBytes(IReadOnlyList<EvaluatedAnswer> answers, string modelVersion, DateTimeOffset startedAt, DateTimeOffset completedAt)
    {
        var grades = answers.Select(ToGrade).ToList();
        var summary = BatchSummaryBuilder.Build("evaluation", "evaluation", answers.Count, grades, 0, 0, Grader, modelVersion, startedAt, completedAt);
        return HtmlReport.ToBytes(summary, grades, []);
    }

    public static Grade ToGrade(EvaluatedAnswer answer) => new()
    {
        SubmissionId = answer.SubmissionId,
        AssignmentId = "evaluation",
        QuestionId = answer.QuestionId,
        Score = answer.PredictedScore,
        MaxScore = answer.MaxScore,
        Percent = answer.MaxScore > 0 ? Math.Round(100 * answer.PredictedScore / answer.MaxScore, 2) : 0,
        Feedback = answer.PredictedFeedback,
        Confidence = answer.Confidence,
        NeedsReview = answer.NeedsReview,
        // An evaluation keeps the flag, not the grader's reasons; the confidence is the reason a teacher can check.
        ReviewReasons = answer.NeedsReview ? [$"confidence {answer.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}"] : [],
        Label = answer.PredictedLabel,
        Grader = Grader,
        ModelVersion = "",
        RubricHash = "",
        InputHash = "",
        LatencyMs = 0,
        GradedAt = DateTimeOffset.UnixEpoch,
        HumanScore = answer.HumanScore,
        HumanFeedback = answer.HumanFeedback,
    };
}
