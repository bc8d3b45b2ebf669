using Grading.Core.Domain;
using Grading.Core.Metrics;
using Grading.Inference.Head;
using Grading.Inference.Similarity;

namespace Grading.Inference.Tests.Head;

public sealed class FeedbackComposerTests
{
    private static readonly float[] Answer = Unit(1, 0);

    [Fact]
    public void Compose_SeveralFeedbacksAtThePredictedScore_PicksTheOneMostLikeTheOthers()
    {
        var question = Context(
            Example(Unit(1, 0.2f), 1, "Excellent, you even explain sequence number wrap-around."),
            Example(Unit(1, 0.2f), 1, "Correct."),
            Example(Unit(1, 0.2f), 1, "Correct."),
            Example(Unit(1, 0.2f), 1, "Correct, well done."),
            Example(Unit(1, 0.2f), 0, "Incorrect: the handshake synchronises sequence numbers."));

        var feedback = Compose(question, "answer", predictedFraction: 0.97, GradeLabel.Correct);

        Assert.Equal("Correct.", feedback);
    }

    [Fact]
    public void Compose_SameAnswerOtherPredictedScore_FeedbackFollowsTheScore()
    {
        var question = Context(
            Example(Unit(1, 0.1f), 1, "Correct."),
            Example(Unit(1, 0.1f), 0.5, "Partially correct: the second reason is missing."),
            Example(Unit(1, 0.1f), 0, "Incorrect: neither reason is given."));

        var high = Compose(question, "answer", predictedFraction: 0.95, GradeLabel.Correct);
        var middle = Compose(question, "answer", predictedFraction: 0.5, GradeLabel.PartiallyCorrect);
        var low = Compose(question, "answer", predictedFraction: 0.05, GradeLabel.Incorrect);

        Assert.Equal(["Correct.", "Partially correct: the second reason is missing.", "Incorrect: neither reason is given."], [high, middle, low]);
    }

    [Fact]
    public void Compose_TwoTemplatesAtThePredictedScore_PrefersTheOneGivenToSimilarAnswers()
    {
        var question = Context(
            Example(Unit(1, 0.02f), 0.5, "Partially correct: flow control is missing."),
            Example(Unit(1, 3f), 0.5, "Partially correct: congestion control is missing."),
            Example(Unit(1, 4f), 0.5, "Partially correct: congestion control is missing."));

        var feedback = Compose(question, "answer", predictedFraction: 0.5, GradeLabel.PartiallyCorrect);

        Assert.Equal("Partially correct: flow control is missing.", feedback);
    }

    [Fact]
    public void Compose_PredictedScoreNobodyGot_UsesTheNearestScoreTutorsGave()
    {
        var question = Context(
            Example(Unit(1, 0.01f), 1, "Correct."),
            Example(Unit(1, 0.3f), 0, "Incorrect: no reason given."));

        var feedback = Compose(question, "answer", predictedFraction: 0.2, GradeLabel.Incorrect);

        Assert.Equal("Incorrect: no reason given.", feedback);
    }

    [Fact]
    public void Compose_LowGradeWhereTheFullMarksTextFitsBest_TakesATextTutorsGaveBelowFullMarks()
    {
        var question = Context(
            Example(Unit(1, 0.1f), 1, "The response is correct."),
            Example(Unit(1, 0.1f), 1, "The response is correct."),
            Example(Unit(1, 0.1f), 1, "The response is correct."),
            Example(Unit(1, 0.1f), 0.5, "The response is partially correct: the usage is missing."));

        var shownHigh = Compose(question, "answer", predictedFraction: 0.8, gradeFraction: FeedbackComposer.FullMarksTextsFrom, GradeLabel.PartiallyCorrect);
        var shownLow = Compose(question, "answer", predictedFraction: 0.8, gradeFraction: 0.5, GradeLabel.PartiallyCorrect);

        Assert.Equal(["The response is correct.", "The response is partially correct: the usage is missing."], [shownHigh, shownLow]);
    }

    [Fact]
    public void Compose_LowGradeWhereTutorsOnlyWroteFullMarksTexts_StillGivesTheirText()
    {
        var question = Context(Example(Unit(1, 0.1f), 1, "Correct."), Example(Unit(1, 0.2f), 1, "Correct, well done."));

        var feedback = Compose(question, "answer", predictedFraction: 0.3, gradeFraction: 0.3, GradeLabel.Incorrect);

        Assert.Equal("Correct.", feedback);
    }

    [Fact]
    public void Compose_NoExamples_SaysWhichReferenceTermsAreCoveredAndMissed()
    {
        var question = Context() with
        {
            ReferenceVectors = [Unit(1, 0)],
            ReferenceKeyTerms = [KeyTerms.Extract("sequence acknowledge")],
        };

        var feedback = Compose(question, "Both sides exchange a sequence number.", 0.5, GradeLabel.PartiallyCorrect);

        Assert.StartsWith("Partially correct.", feedback);
        Assert.Contains("\"sequence\"", feedback);
        Assert.Contains("does not mention \"acknowledge\"", feedback);
    }

    [Fact]
    public void Compose_ExamplesWithoutFeedback_FallsBackToTheReference()
    {
        var question = Context(new ContextExample(Unit(1, 0), 1, GradeLabel.Correct, null, [])) with
        {
            ReferenceVectors = [Unit(1, 0)],
            ReferenceKeyTerms = [KeyTerms.Extract("sequence")],
        };

        var feedback = Compose(question, "A sequence number.", 1, GradeLabel.Correct);

        Assert.StartsWith("Correct.", feedback);
    }

    [Fact]
    public void Compose_EmbeddingsTieButWordsMatchOneExample_TakesThatExamplesFeedback()
    {
        var question = Context(
            Example(Unit(1, 0.1f), 0.5, "Partially correct: congestion control is missing.") with { AnswerTerms = AnswerTerms.Of("The window does flow control.") },
            Example(Unit(1, 0.1f), 0.5, "Partially correct: flow control is missing.") with { AnswerTerms = AnswerTerms.Of("Slow start handles congestion.") });

        var feedback = Compose(question, "Slow start handles the congestion.", predictedFraction: 0.5, GradeLabel.PartiallyCorrect);

        Assert.Equal("Partially correct: flow control is missing.", feedback);
    }

    [Fact]
    public void Compose_ExamplesWithFeedbackButNoSimilarities_ThrowsNamingTheCounts()
    {
        var question = Context(Example(Unit(1, 0), 1, "Correct."), Example(Unit(1, 0.5f), 0, "Incorrect."));

        var error = Assert.Throws<ArgumentException>(() => FeedbackComposer.Compose("answer", null, question, 1, 1, GradeLabel.Correct));

        Assert.Contains("2 graded examples", error.Message);
    }

    /// <summary>As the grader composes: the answer compared with the question's examples where it has any.</summary>
    private static string Compose(QuestionContext question, string text, double predictedFraction, string label) =>
        Compose(question, text, predictedFraction, gradeFraction: predictedFraction, label);

    private static string Compose(QuestionContext question, string text, double predictedFraction, double gradeFraction, string label) =>
        FeedbackComposer.Compose(
            text,
            question.HasExamples ? question.Regression.Compare(Answer, AnswerTerms.Of(text)) : null,
            question,
            predictedFraction,
            gradeFraction,
            label);

    internal static QuestionContext Context(params ContextExample[] examples) =>
        new(1, 0.25, [], [], [], [], examples);

    internal static ContextExample Example(float[] vector, double fraction, string feedback) =>
        new(vector, fraction, GradeLabel.FromFraction(fraction), feedback, RougeScores.Tokenize(feedback));

    internal static float[] Unit(float x, float y)
    {
        var length = MathF.Sqrt((x * x) + (y * y));
        return [x / length, y / length];
    }
}
