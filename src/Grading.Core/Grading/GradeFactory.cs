using Grading.Core.Domain;

namespace Grading.Core.Grading;

/// <summary>Turns a grader's verdict into a <see cref="Grade"/>: clamps the score, derives the percentage and the review flag.</summary>
public static class GradeFactory
{
    public static Grade Create(
        GradingRequest request,
        GraderResult result,
        IGrader grader,
        double reviewBelowConfidence,
        TimeSpan latency,
        DateTimeOffset gradedAt)
    {
        var question = request.Question;
        var reasons = new List<string>(result.ReviewReasons);
        var score = result.Score;
        if (double.IsNaN(score))
        {
            reasons.Add("grader returned no score");
            score = 0;
        }
        else if (score < 0 || score > question.MaxScore)
        {
            reasons.Add($"grader score {score:0.###} was outside [0, {question.MaxScore:0.###}] and was clamped");
            score = Math.Clamp(score, 0, question.MaxScore);
        }

        var confidence = Math.Clamp(result.Confidence, 0, 1);
        if (double.IsNaN(confidence))
        {
            // Math.Clamp passes NaN through and NaN < threshold is false: without this the grade would skip review.
            reasons.Add("grader returned no confidence");
            confidence = 0;
        }
        else if (confidence < reviewBelowConfidence)
        {
            reasons.Add($"low confidence {confidence:0.00} (below {reviewBelowConfidence:0.00})");
        }

        var rubricHash = RubricHash.Of(question);
        var percent = question.MaxScore > 0 ? Math.Round(100 * score / question.MaxScore, 2) : 0;
        return new Grade
        {
            SubmissionId = request.Submission.SubmissionId,
            AssignmentId = request.Submission.AssignmentId,
            QuestionId = question.Id,
            Score = Math.Round(score, 3),
            MaxScore = question.MaxScore,
            Percent = percent,
            Feedback = result.Feedback,
            Confidence = Math.Round(confidence, 3),
            NeedsReview = reasons.Count > 0,
            ReviewReasons = reasons,
            Label = result.Label ?? GradeLabel.FromFraction(question.MaxScore > 0 ? score / question.MaxScore : 0),
            Grader = grader.Name,
            ModelVersion = grader.ModelVersion,
            RubricHash = rubricHash,
            InputHash = InputHash.Of(request.Submission, question, rubricHash, grader),
            LatencyMs = Math.Round(latency.TotalMilliseconds, 2),
            GradedAt = gradedAt,
            HumanScore = request.Submission.HumanScore,
            HumanFeedback = request.Submission.HumanFeedback,
        };
    }
}
