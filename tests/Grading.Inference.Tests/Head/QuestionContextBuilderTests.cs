using Grading.Core.Domain;
using Grading.Inference.Embeddings;
using Grading.Inference.Head;

namespace Grading.Inference.Tests.Head;

public sealed class QuestionContextBuilderTests
{
    [Fact]
    public void Get_SameQuestionTwice_EncodesItsExamplesOnce()
    {
        var embedder = new TokenEmbedder();
        var builder = new QuestionContextBuilder(embedder);

        builder.Get(QuestionWithExample("q1"));
        var context = builder.Get(QuestionWithExample("q1"));

        Assert.Equal(1, embedder.TimesEncoded("q1 example"));
        Assert.Equal(TokenEmbedder.TokensPerText, context.Examples[0].AnswerTerms!.Tokens.Count);
    }

    [Fact]
    public void Get_CachedTokenStatesOverTheBudget_DropsTheCacheAndEncodesAgain()
    {
        var embedder = new TokenEmbedder();
        var oneQuestion = sizeof(float) * 2 * TokenEmbedder.TokensPerText * 2; // the reference and the example
        var builder = new QuestionContextBuilder(embedder, maxCachedTokenStateBytes: oneQuestion);

        builder.Get(QuestionWithExample("q1"));
        builder.Get(QuestionWithExample("q2"));
        builder.Get(QuestionWithExample("q3"));
        builder.Get(QuestionWithExample("q1"));

        Assert.Equal(2, embedder.TimesEncoded("q1 example"));
    }

    private static Question QuestionWithExample(string id) =>
        new(id, "Why?", [$"{id} reference"], 1) { Examples = [new GradedExample($"{id} example", 1, "Correct.")] };

    /// <summary>Every text becomes a fixed vector and <see cref="TokensPerText"/> token states; counts what it encodes.</summary>
    private sealed class TokenEmbedder : ITextEmbedder
    {
        public const int TokensPerText = 100;

        private readonly List<string> _encoded = [];

        public int Dimension => 2;

        public int TimesEncoded(string text)
        {
            lock (_encoded)
            {
                return _encoded.Count(encoded => encoded == text);
            }
        }

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            Encode(texts, cancellationToken).Select(encoding => encoding.Vector).ToArray();

        public TextEncoding[] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            lock (_encoded)
            {
                _encoded.AddRange(texts);
            }

            return texts.Select(_ => new TextEncoding([1, 0], new TokenStates(new float[Dimension * TokensPerText], Dimension))).ToArray();
        }
    }
}
