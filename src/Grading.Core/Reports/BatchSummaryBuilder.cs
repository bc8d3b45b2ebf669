using Grading.Core.Domain;
using Grading.Core.Metrics;

namespace Grading.Core.Reports;

public static class BatchSummaryBuilder
{
    public static BatchSummary Build(
        string batchId,
        string assignmentId,
        int rows,
        IReadOnlyList<Grade> grades,
        int rejected,
        int failed,
        string grader,
        string modelVersion,
        DateTimeOffset startedAt,
        DateTimeOffset completedAt)
    {
        var questions = grades
            .GroupBy(g => g.QuestionId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new QuestionSummary(
                g.Key,
                g.Count(),
                Math.Round(g.Average(x => x.Score), 3),
                g.First().MaxScore,
                Math.Round(g.Average(x => x.Percent), 2),
                g.Count(x => x.NeedsReview)))
            .ToList();

        return new BatchSummary
        {
            BatchId = batchId,
            AssignmentId = assignmentId,
            Rows = rows,
            Graded = grades.Count,
            Rejected = rejected,
            Failed = failed,
            NeedsReview = grades.Count(g => g.NeedsReview),
            MeanPercent = grades.Count == 0 ? 0 : Math.Round(grades.Average(g => g.Percent), 2),
            Grader = grader,
            ModelVersion = modelVersion,
            StartedAt = startedAt,
            CompletedAt = completedAt,
            Questions = questions,
            Agreement = ScoreAgreement.Compute(grades
                .Where(g => g.HumanScore is not null)
                .Select(g => (g.Score, g.HumanScore!.Value, g.MaxScore))),
            FeedbackAgreement = FeedbackAgreement.Compute(grades.Select(g => (g.Feedback, g.HumanFeedback))),
        };
    }
}
