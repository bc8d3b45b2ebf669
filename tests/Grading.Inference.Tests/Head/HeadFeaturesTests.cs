using Grading.Core.Metrics;
using Grading.Inference.Head;
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
        var features = HeadFeatures.WithExamples(Unit(1, 0), answer, AnswerTerms.Of(answer), question);

        Assert.Equal(HeadFeatures.WithExamplesNames.Length, features.Length);
        Assert.Equal(1f, features[Array.IndexOf(HeadFeatures.WithExamplesNames, "wordTop1Sim")]);
        Assert.Equal(1f, features[Array.IndexOf(HeadFeatures.WithExamplesNames, "wordTop1Fraction")]);
        // By embedding alone the nearest example is the zero-mark one.
        Assert.Equal(0f, features[Array.IndexOf(HeadFeatures.WithExamplesNames, "top1Fraction")]);
    }

    private static ContextExample WithWords(ContextExample example, string answer) =>
        example with { AnswerWords = RougeScores.Tokenize(answer).ToHashSet(StringComparer.Ordinal) };
}
