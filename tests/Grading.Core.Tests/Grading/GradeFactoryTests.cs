using Grading.Core.Domain;
using Grading.Core.Grading;

namespace Grading.Core.Tests.Grading;

public class GradeFactoryTests
{
    private static readonly DateTimeOffset GradedAt = new(2025, 3, 1, 9, 30, 0, TimeSpan.Zero);
    private static readonly Question Question = new("q1", "What is photosynthesis?", ["Light to chemical energy."], 4);
    private static readonly Submission Submission = new("s1", "bio-101", "q1", "Light becomes sugar.", 3, "Good");

    private static Grade Create(double score, double confidence = 0.9, double threshold = 0.5, IReadOnlyList<string>? reasons = null, string? label = null) =>
        GradeFactory.Create(
            new GradingRequest(Submission, Question),
            new GraderResult(score, "Feedback text", confidence, reasons ?? [], label),
            new FakeGrader("minilm", "2025-01"),
            threshold,
            TimeSpan.FromMilliseconds(12.3456),
            GradedAt);

    [Fact]
    public void Create_InRangeConfidentScore_CopiesFieldsAndNeedsNoReview()
    {
        var grade = Create(3);

        Assert.Equal(("s1", "bio-101", "q1"), (grade.SubmissionId, grade.AssignmentId, grade.QuestionId));
        Assert.Equal((3.0, 4.0, 75.0), (grade.Score, grade.MaxScore, grade.Percent));
        Assert.False(grade.NeedsReview);
        Assert.Empty(grade.ReviewReasons);
        Assert.Equal(("minilm", "2025-01"), (grade.Grader, grade.ModelVersion));
        Assert.Equal((3.0, "Good"), (grade.HumanScore, grade.HumanFeedback));
        Assert.Equal(12.35, grade.LatencyMs);
        Assert.Equal(GradedAt, grade.GradedAt);
        Assert.Equal(GradeLabel.PartiallyCorrect, grade.Label);
        Assert.Equal(RubricHash.Of(Question), grade.RubricHash);
    }

    [Theory]
    [InlineData(7.5, 4.0)]
    [InlineData(4.0001, 4.0)]
    [InlineData(-1, 0.0)]
    [InlineData(double.PositiveInfinity, 4.0)]
    [InlineData(double.NegativeInfinity, 0.0)]
    public void Create_ScoreOutsideRange_IsClampedWithReviewReason(double raw, double expected)
    {
        var grade = Create(raw);

        Assert.Equal(expected, grade.Score);
        Assert.True(grade.NeedsReview);
        Assert.Contains(grade.ReviewReasons, r => r.Contains("clamped", StringComparison.Ordinal));
        Assert.InRange(grade.Percent, 0, 100);
    }

    [Fact]
    public void Create_NaNScore_NeedsReviewWithReasonAndNoFiniteNonsense()
    {
        var grade = Create(double.NaN);

        Assert.True(grade.NeedsReview);
        Assert.Contains("grader returned no score", grade.ReviewReasons);
        Assert.True(double.IsFinite(grade.Score));
        Assert.True(double.IsFinite(grade.Percent));
    }

    [Theory]
    [InlineData(0.49, 0.5, true)]
    [InlineData(0.0, 0.5, true)]
    [InlineData(0.5, 0.5, false)]
    [InlineData(0.95, 0.5, false)]
    [InlineData(0.7, 0.8, true)]
    public void Create_ConfidenceBelowThreshold_NeedsReviewWithReason(double confidence, double threshold, bool needsReview)
    {
        var grade = Create(2, confidence, threshold);

        Assert.Equal(needsReview, grade.NeedsReview);
        Assert.Equal(needsReview, grade.ReviewReasons.Any(r => r.StartsWith("low confidence", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(1.7, 1.0)]
    [InlineData(-0.3, 0.0)]
    public void Create_ConfidenceOutsideZeroToOne_IsClamped(double confidence, double expected)
    {
        Assert.Equal(expected, Create(2, confidence).Confidence);
    }

    [Fact]
    public void Create_NaNConfidence_NeedsReviewWithFiniteConfidence()
    {
        var grade = Create(2, double.NaN);

        Assert.True(grade.NeedsReview);
        Assert.NotEmpty(grade.ReviewReasons);
        Assert.True(double.IsFinite(grade.Confidence));
    }

    [Fact]
    public void Create_GraderReviewReasons_AreKeptAndFlagReview()
    {
        var grade = Create(2, reasons: ["answer is in a different language"]);

        Assert.True(grade.NeedsReview);
        Assert.Equal(new[] { "answer is in a different language" }, grade.ReviewReasons);
    }

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(1, 25.0)]
    [InlineData(4, 100.0)]
    [InlineData(1.3333333, 33.33)]   // 100 * 1.3333333 / 4 = 33.3333325 -> 33.33
    [InlineData(2.6666666, 66.67)]   // 100 * 2.6666666 / 4 = 66.666665 -> 66.67
    public void Create_Percent_IsScoreOverMaxRoundedToTwoDecimals(double score, double percent)
    {
        Assert.Equal(percent, Create(score).Percent);
    }

    [Fact]
    public void Create_Score_IsRoundedToThreeDecimals()
    {
        Assert.Equal(1.235, Create(1.23456).Score);
    }

    [Theory]
    [InlineData(0, GradeLabel.Incorrect)]
    [InlineData(2, GradeLabel.PartiallyCorrect)]
    [InlineData(4, GradeLabel.Correct)]
    public void Create_NoGraderLabel_LabelFollowsScore(double score, string label)
    {
        Assert.Equal(label, Create(score).Label);
    }

    [Fact]
    public void Create_GraderLabel_IsKept()
    {
        Assert.Equal(GradeLabel.Correct, Create(2, label: GradeLabel.Correct).Label);
    }

    [Fact]
    public void Create_SameInputTwice_SameInputHash()
    {
        Assert.Equal(Create(1).InputHash, Create(3).InputHash);
    }
}
