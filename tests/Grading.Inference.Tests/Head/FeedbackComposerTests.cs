using Grading.Core.Domain;
using Grading.Core.Metrics;
using Grading.Inference.Head;
using Grading.Inference.Similarity;

namespace Grading.Inference.Tests.Head;

public sealed class FeedbackComposerTests
{
    private static readonly float[] Answer = Unit(1, 0);

    [Fact]
    public void Compose_SeveralExamplesAtThePredictedLevel_PicksTheMostTypicalFeedbackNotTheNearest()
    {
        var question = Context(
            Example(Unit(1, 0.05f), 1, "Excellent, you even explain sequence number wrap-around."),
            Example(Unit(1, 0.3f), 1, "Correct."),
            Example(Unit(1, 0.4f), 1, "Correct."),
            Example(Unit(1, 0.5f), 1, "Correct, well done."),
            Example(Unit(1, 0.01f), 0, "Incorrect: the handshake synchronises sequence numbers."));

        var feedback = FeedbackComposer.Compose(Answer, "answer", question, predictedFraction: 0.97, GradeLabel.Correct);

        Assert.Equal("Correct.", feedback);
    }

    [Fact]
    public void Compose_PredictedLevelNobodyGot_UsesTheNearestLevelTutorsGave()
    {
        var question = Context(
            Example(Unit(1, 0.01f), 1, "Correct."),
            Example(Unit(1, 0.9f), 0, "Incorrect: no reason given."));

        var feedback = FeedbackComposer.Compose(Answer, "answer", question, predictedFraction: 0.2, GradeLabel.Incorrect);

        Assert.Equal("Incorrect: no reason given.", feedback);
    }

    [Fact]
    public void Compose_PredictionJustUnderFullMarks_UsesFullMarksFeedback()
    {
        var question = Context(
            Example(Unit(1, 0.01f), 0.75, "Partially correct: the second reason is missing."),
            Example(Unit(1, 0.5f), 1, "Correct."));

        var nearFull = FeedbackComposer.Compose(Answer, "answer", question, predictedFraction: FeedbackComposer.FullMarksFeedbackFrom + 0.05, GradeLabel.PartiallyCorrect);
        var clearlyPartial = FeedbackComposer.Compose(Answer, "answer", question, predictedFraction: 0.5, GradeLabel.PartiallyCorrect);

        Assert.Equal("Correct.", nearFull);
        Assert.Equal("Partially correct: the second reason is missing.", clearlyPartial);
    }

    [Fact]
    public void Compose_NoExamples_SaysWhichReferenceTermsAreCoveredAndMissed()
    {
        var question = Context() with
        {
            ReferenceVectors = [Unit(1, 0)],
            ReferenceKeyTerms = [KeyTerms.Extract("sequence acknowledge")],
        };

        var feedback = FeedbackComposer.Compose(Answer, "Both sides exchange a sequence number.", question, 0.5, GradeLabel.PartiallyCorrect);

        Assert.StartsWith("Partially correct.", feedback);
        Assert.Contains("\"sequence\"", feedback);
        Assert.Contains("does not mention \"acknowledge\"", feedback);
    }

    private static QuestionContext Context(params ContextExample[] examples) =>
        new(1, 0.25, [], [], [], [], examples);

    private static ContextExample Example(float[] vector, double fraction, string feedback) =>
        new(vector, fraction, GradeLabel.FromFraction(fraction), feedback, RougeScores.Tokenize(feedback));

    private static float[] Unit(float x, float y)
    {
        var length = MathF.Sqrt((x * x) + (y * y));
        return [x / length, y / length];
    }
}
