using Grading.Inference.Embeddings;
using Grading.Inference.Head;
using Grading.Inference.Similarity;

namespace Grading.Inference.Tests.Head;

public sealed class AnswerTermsTests
{
    [Fact]
    public void CharacterGramsOf_ShortText_IsEveryFourCharacterWindowOfTheSpacedLowerCaseWords()
    {
        var grams = AnswerTerms.CharacterGramsOf("ACK, ok");

        Assert.Equal([" ack", " ok ", "ack ", "ck o", "k ok"], grams.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CharacterGramsOf_SpellingVariants_ShareGramsWhereStemsShareNothing()
    {
        var british = AnswerTerms.CharacterGramsOf("acknowledgement");
        var american = AnswerTerms.CharacterGramsOf("acknowledgment");

        Assert.True(british.Intersect(american).Count() >= 10, string.Join('|', british.Intersect(american)));
        Assert.Empty(KeyTerms.StemsAndPairsOf("acknowledgement").Intersect(KeyTerms.StemsAndPairsOf("acknowledgment")));
    }

    [Fact]
    public void Of_EmptyText_HasNoTerms()
    {
        var terms = AnswerTerms.Of("");

        Assert.Empty(terms.Words);
        Assert.Empty(terms.Characters);
    }

    [Fact]
    public void Of_TokenStates_KeepsTheContentPiecesAndTheirNormalisedMean()
    {
        // Word pieces: the, server, is, busy, "."; state k is unit vector k of 5.
        var states = new TokenStates([.. Enumerable.Range(0, 5).SelectMany(k => Enumerable.Range(0, 5).Select(d => d == k ? 1f : 0f))], 5);

        var terms = AnswerTerms.Of("The server is busy.", states);

        Assert.Equal(2, terms.Tokens.Count);
        var half = 1 / MathF.Sqrt(2);
        Assert.Equal([0f, half, 0f, half, 0f], terms.ContentVector!, (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void Of_NoTokenStates_HasNoContentVector()
    {
        Assert.Null(AnswerTerms.Of("The server is busy.").ContentVector);
    }
}
