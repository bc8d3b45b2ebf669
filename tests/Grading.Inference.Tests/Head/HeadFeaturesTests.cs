using Grading.Core.Metrics;
using Grading.Inference.Embeddings;
using Grading.Inference.Head;
using Grading.Inference.Similarity;
using static Grading.Inference.Tests.Head.FeedbackComposerTests;

namespace Grading.Inference.Tests.Head;

public sealed class HeadFeaturesTests
{
    [Fact]
    public void WithExamples_AnswerSharingTheWordsOfAFullMarkExample_WordNeighbourIsThatExample()
    {
        var question = Context(
            WithWords(Example(Unit(1, 0.9f), 1, "Correct."), "the three way handshake synchronises sequence numbers"),
            WithWords(Example(Unit(1, 0.01f), 0, "Incorrect."), "it is faster"));

        const string answer = "The three way handshake synchronises sequence numbers.";
        var terms = AnswerTerms.Of(answer);
        var features = HeadFeatures.WithExamples(Unit(1, 0), answer, terms, question.Regression.Compare(Unit(1, 0), terms), question);

        Assert.Equal(HeadFeatures.WithExamplesNames.Length, features.Length);
        Assert.Equal(1f, features[Array.IndexOf(HeadFeatures.WithExamplesNames, "wordTop1Sim")]);
        Assert.Equal(1f, features[Array.IndexOf(HeadFeatures.WithExamplesNames, "wordTop1Fraction")]);
        // By embedding alone the nearest example is the zero-mark one.
        Assert.Equal(0f, features[Array.IndexOf(HeadFeatures.WithExamplesNames, "top1Fraction")]);
    }

    [Fact]
    public void ReferenceOnly_AnswerAlignsWithHalfTheReferenceTokens_RecallIsBelowPrecision()
    {
        // Four orthogonal token states: the reference holds all four, the answer the first two.
        float[] Token(int axis) => Enumerable.Range(0, 4).Select(d => d == axis ? 1f : 0f).ToArray();
        var reference = new TokenStates([.. Token(0), .. Token(1), .. Token(2), .. Token(3)], 4);
        var answer = new TokenStates([.. Token(0), .. Token(1)], 4);
        var question = Context() with
        {
            ReferenceVectors = [Unit(1, 0)],
            ReferenceKeyTerms = [KeyTerms.Extract("sequence acknowledge")],
            ReferenceTokens = [new HashSet<string>(["sequence", "acknowledge"])],
            ReferenceWordCounts = [2],
            ReferenceTokenStates = [reference],
        };

        var features = HeadFeatures.ReferenceOnly(Unit(1, 0), "sequence", answer, question);

        float Feature(string name) => features[Array.IndexOf(HeadFeatures.ReferenceOnlyNames, name)];
        Assert.Equal(1f, Feature("refAlignPrecision"), precision: 5);
        Assert.Equal(0.5f, Feature("refAlignRecall"), precision: 5);
        Assert.Equal(2f / 3, Feature("refAlignF1"), precision: 5);
    }

    [Fact]
    public void WithExamples_ExampleWithTheAnswersTokens_IsTheTokenNeighbourWhateverTheEmbeddingSays()
    {
        var question = Context(
            Example(Unit(1, 0.9f), 1, "Correct.") with { AnswerTerms = AnswerTerms.Of("first", States(0, 1)) },
            Example(Unit(1, 0.01f), 0, "Incorrect.") with { AnswerTerms = AnswerTerms.Of("second", States(2, 3)) });

        var terms = AnswerTerms.Of("first", States(0, 1));
        var features = HeadFeatures.WithExamples(Unit(1, 0), "first", terms, question.Regression.Compare(Unit(1, 0), terms), question);

        float Feature(string name) => features[Array.IndexOf(HeadFeatures.WithExamplesNames, name)];
        Assert.Equal(0f, Feature("top1Fraction"));
        Assert.Equal(1f, Feature("alignTop1"), precision: 5);
        Assert.Equal(1f, Feature("alignTop1Fraction"));
    }

    // Orthogonal unit token states, one per axis given, in 4 dimensions.
    private static TokenStates States(params int[] axes) =>
        new([.. axes.SelectMany(axis => Enumerable.Range(0, 4).Select(d => d == axis ? 1f : 0f))], 4);

    private static ContextExample WithWords(ContextExample example, string answer) =>
        example with { AnswerWords = RougeScores.Tokenize(answer).ToHashSet(StringComparer.Ordinal) };
}
