using Grading.Core.Domain;
using Grading.Core.Reports;
using static Grading.Core.Tests.TestData;

namespace Grading.Core.Tests.Reports;

public class BatchSummaryBuilderTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static BatchSummary Build(IReadOnlyList<Grade> grades, int rows = 5, int rejected = 1, int failed = 1) =>
        BatchSummaryBuilder.Build("batch-1", "bio-101", rows, grades, rejected, failed, "minilm", "v1", Start, Start.AddMinutes(2));

    [Fact]
    public void Build_PerQuestion_MeansCountsAndReviews()
    {
        // q1: scores 1/2 (50%) and 2/2 (100%) -> mean score 1.5, mean percent 75, 1 needs review.
        // q2: 3/5 (60%) and 4/5 (80%) and 0/5 (0%) -> mean score 7/3 = 2.333, mean percent 46.67, 0 need review.
        var grades = new[]
        {
            Grade("s1", "q1", score: 1, maxScore: 2, needsReview: true),
            Grade("s2", "q2", score: 3, maxScore: 5),
            Grade("s3", "q1", score: 2, maxScore: 2),
            Grade("s4", "q2", score: 4, maxScore: 5),
            Grade("s5", "q2", score: 0, maxScore: 5),
        };

        var summary = Build(grades, rows: 7, rejected: 2, failed: 0);

        Assert.Equal(
            new[] { new QuestionSummary("q1", 2, 1.5, 2, 75, 1), new QuestionSummary("q2", 3, 2.333, 5, 46.67, 0) },
            summary.Questions);
        Assert.Equal((7, 5, 2, 0, 1), (summary.Rows, summary.Graded, summary.Rejected, summary.Failed, summary.NeedsReview));

        // Overall mean percent over grades: (50 + 60 + 100 + 80 + 0) / 5 = 58.
        Assert.Equal(58, summary.MeanPercent);
    }

    [Fact]
    public void Build_QuestionsOrderedById()
    {
        var summary = Build([Grade("s1", "q3"), Grade("s2", "q1"), Grade("s3", "q2")]);

        Assert.Equal(new[] { "q1", "q2", "q3" }, summary.Questions.Select(q => q.QuestionId));
    }

    [Fact]
    public void Build_CopiesBatchFields()
    {
        var summary = Build([Grade()]);

        Assert.Equal(("batch-1", "bio-101", "minilm", "v1"), (summary.BatchId, summary.AssignmentId, summary.Grader, summary.ModelVersion));
        Assert.Equal((Start, Start.AddMinutes(2)), (summary.StartedAt, summary.CompletedAt));
    }

    [Fact]
    public void Build_SomeHumanFeedback_FeedbackAgreementOverThoseOnly()
    {
        // s1's feedback is the tutor's word for word; s2's shares "the", "cat" and "sat" with "the cat sat down":
        // ROUGE-1 F1 = 2 x 1 x 3/4 / (1 + 3/4) = 6/7; s3 has no human feedback and s4 an empty one, so neither counts.
        var grades = new[]
        {
            Grade("s1", feedback: "Correct.") with { HumanFeedback = "Correct." },
            Grade("s2", feedback: "the cat sat") with { HumanFeedback = "the cat sat down" },
            Grade("s3", feedback: "Unrelated words entirely."),
            Grade("s4", feedback: "Unrelated words entirely.") with { HumanFeedback = " " },
        };

        var feedback = Build(grades).FeedbackAgreement;

        Assert.NotNull(feedback);
        Assert.Equal(2, feedback.N);
        Assert.Equal(Math.Round((1 + (6.0 / 7)) / 2, 4), feedback.Rouge1);
    }

    [Fact]
    public void Build_NoHumanFeedback_NoFeedbackAgreement()
    {
        Assert.Null(Build([Grade("s1", humanScore: 1)]).FeedbackAgreement);
    }

    [Fact]
    public void Build_NoHumanScores_NoAgreement()
    {
        Assert.Null(Build([Grade("s1"), Grade("s2")]).Agreement);
    }

    [Fact]
    public void Build_SomeHumanScores_AgreementOverThoseOnly()
    {
        // Only s1 and s2 carry human scores: normalised (0.5 vs 1.0) and (1.0 vs 0.5).
        // MAE = (0.5 + 0.5) / 2 = 0.5; RMSE = sqrt((0.25 + 0.25) / 2) = 0.5; r = -1 (they move in opposite directions).
        var grades = new[]
        {
            Grade("s1", score: 1, maxScore: 2, humanScore: 2),
            Grade("s2", score: 2, maxScore: 2, humanScore: 1),
            Grade("s3", score: 0, maxScore: 2),
        };

        var agreement = Build(grades).Agreement;

        Assert.NotNull(agreement);
        Assert.Equal((2, 0.5, 0.5, 50.0, -1.0), (agreement.N, agreement.Mae, agreement.Rmse, agreement.GradePercentError, agreement.Pearson));
    }

    [Fact]
    public void Build_NoGrades_ZeroMeanAndEmptyQuestions()
    {
        var summary = Build([], rows: 3, rejected: 3, failed: 0);

        Assert.Equal((0, 0.0, 0), (summary.Graded, summary.MeanPercent, summary.NeedsReview));
        Assert.Empty(summary.Questions);
        Assert.Null(summary.Agreement);
    }
}
