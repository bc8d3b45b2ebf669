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
    public void Of_ReferenceTokens_WeighsEachContentPieceByItsBestMatchWithAReference()
    {
        // Content pieces server (e1) and busy (e3); the reference holds e1 only.
        var states = new TokenStates([.. Enumerable.Range(0, 5).SelectMany(k => Enumerable.Range(0, 5).Select(d => d == k ? 1f : 0f))], 5);

        var terms = AnswerTerms.Of("The server is busy.", states, [new TokenStates([0, 1, 0, 0, 0], 5)]);

        Assert.Equal([1f, 0f], terms.TokenWeights!);
    }

    [Fact]
    public void Alignment_AsideUnrelatedToTheReference_CountsLessThanTheWordsTheReferenceHolds()
    {
        // Answers a (e1 e3) and b (e1 e4): they share "server" (e1), which the reference holds, and differ in asides.
        var reference = new TokenStates([0, 1, 0, 0, 0], 5);
        var a = AnswerTerms.Of("The server is busy.", UnitStates(0, 1, 2, 3, 4), [reference]);
        var b = AnswerTerms.Of("The server is idle.", UnitStates(0, 1, 2, 4, 3), [reference]);
        var unweighted = new AnswerTerms(a.Words, a.Characters, a.Tokens);

        Assert.Equal(1, AnswerTerms.Alignment(a, b), precision: 6);
        Assert.Equal(0.5, AnswerTerms.Alignment(unweighted, b with { TokenWeights = null }), precision: 6);
    }

    [Fact]
    public void Of_NoTokenStates_HasNoContentVector()
    {
        Assert.Null(AnswerTerms.Of("The server is busy.").ContentVector);
    }

    /// <summary>Five word pieces whose states are the unit vectors of the given axes, in order.</summary>
    private static TokenStates UnitStates(params int[] axes) =>
        new([.. axes.SelectMany(k => Enumerable.Range(0, 5).Select(d => d == k ? 1f : 0f))], 5);
}
