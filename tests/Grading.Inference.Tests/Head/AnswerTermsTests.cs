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
}
