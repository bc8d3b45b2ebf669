using Grading.Core.Domain;
using Grading.Inference.Embeddings;
using Grading.Inference.Head;
using static Grading.Inference.Tests.Head.FeedbackComposerTests;

namespace Grading.Inference.Tests.Head;

public sealed class ExampleRegressionTests
{
    // Full marks name both reasons; the rest miss one or both. Embeddings follow the same split.
    private static readonly ContextExample[] Examples =
    [
        Graded(Unit(1, 0.05f), 1, "Flow control and congestion control both use the window."),
        Graded(Unit(1, 0.1f), 1, "It does congestion control and flow control with a window."),
        Graded(Unit(1, 0.0f), 1, "Window based flow control plus congestion control."),
        Graded(Unit(0.7f, 0.7f), 0.5, "Only flow control uses the window."),
        Graded(Unit(0.6f, 0.8f), 0.5, "The window is for flow control."),
        Graded(Unit(0.1f, 1), 0, "It encrypts the segments."),
        Graded(Unit(0.0f, 1), 0, "Encryption of the data."),
    ];

    [Fact]
    public void Predict_AnswerLikeTheFullMarkExamples_ScoresHigherThanOneLikeTheWrongOnes()
    {
        var regression = ExampleRegression.Fit(Examples);

        var good = Predict(regression, Unit(1, 0.05f), "Flow control and congestion control via the window.");
        var bad = Predict(regression, Unit(0.05f, 1), "It encrypts the data.");

        Assert.True(good.Embedding > 0.75 && bad.Embedding < 0.3, $"embedding {good.Embedding} vs {bad.Embedding}");
        Assert.True(good.Words > bad.Words + 0.3, $"words {good.Words} vs {bad.Words}");
        Assert.True(good.Characters > bad.Characters + 0.3, $"characters {good.Characters} vs {bad.Characters}");
        Assert.True(good.All > bad.All + 0.4, $"all {good.All} vs {bad.All}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Without_OneExample_PredictsAsARefitOnTheOthers(int left)
    {
        var remaining = Examples.Where((_, i) => i != left).ToArray();
        var downdated = ExampleRegression.Fit(Examples).Without(left);
        var refit = ExampleRegression.Fit(remaining);

        var answer = Unit(0.8f, 0.5f);
        var text = "Flow control with a window.";
        var expected = Predict(refit, answer, text);
        var actual = Predict(downdated, answer, text);

        // The downdated regression keeps the full set's IDF (it uses no scores), so the word kernels differ slightly.
        Assert.Equal(expected.Embedding, actual.Embedding, precision: 9);
        Assert.Equal(expected.Words, actual.Words, tolerance: 0.05);
        Assert.Equal(expected.Characters, actual.Characters, tolerance: 0.05);
        Assert.Equal(remaining, downdated.Examples);
        Assert.Same(downdated, ExampleRegression.Of(downdated.Examples));
    }

    [Fact]
    public void Regression_ContextCopiedWithOtherExamples_IsRefittedForThem()
    {
        var context = Context(Examples);
        var first = context.Regression;

        var fewer = context with { Examples = Examples[..4] };

        Assert.Same(first, context.Regression);
        Assert.Equal(4, fewer.Regression.Examples.Count);
    }

    [Fact]
    public void Predict_WrongNumberOfSimilarities_Throws()
    {
        var regression = ExampleRegression.Fit(Examples);

        Assert.Throws<ArgumentException>(() => regression.Predict(new ExampleSimilarities([0.5, 0.5], [0, 0], [0, 0], [0, 0])));
    }

    [Fact]
    public void EmbeddingSimilarity_BothHaveContentVectors_ComparesThoseNotTheSentenceVectors()
    {
        var left = AnswerTerms.Of("x") with { ContentVector = Unit(1, 0) };
        var right = AnswerTerms.Of("y") with { ContentVector = Unit(0, 1) };

        Assert.Equal(0, ExampleRegression.EmbeddingSimilarity(Unit(1, 0), left, Unit(1, 0), right), precision: 6);
        // Where either has none (no token states), the sentence vectors.
        Assert.Equal(1, ExampleRegression.EmbeddingSimilarity(Unit(1, 0), left, Unit(1, 0), AnswerTerms.Of("y")), precision: 6);
    }

    private static RegressionPrediction Predict(ExampleRegression regression, float[] answer, string text) =>
        regression.Predict(regression.Compare(answer, AnswerTerms.Of(text)));

    private static ContextExample Graded(float[] vector, double fraction, string answer) =>
        new(vector, fraction, GradeLabel.FromFraction(fraction), null, [], null, AnswerTerms.Of(answer));
}
