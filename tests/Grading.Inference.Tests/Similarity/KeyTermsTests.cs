using Grading.Inference.Similarity;

namespace Grading.Inference.Tests.Similarity;

public sealed class KeyTermsTests
{
    [Fact]
    public void Extract_SentenceWithStopWords_KeepsOnlyContentWordsOnce()
    {
        var terms = KeyTerms.Extract("The enzyme binds to the substrate, and the enzymes are reused.");

        Assert.Equal(["enzyme", "binds", "substrate", "reused"], terms.Select(term => term.Text));
    }

    [Fact]
    public void StemsAndPairsOf_Sentence_HasEachStemAndEachAdjacentPairOnce()
    {
        var terms = KeyTerms.StemsAndPairsOf("Not reliable, not ordered: not reliable.");

        Assert.Equal(
            ["not", "not order", "not reliabl", "order", "order not", "reliabl", "reliabl not"],
            terms.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Enzymes", "enzyme")]
    [InlineData("photosynthetic", "photosynthesis")]
    [InlineData("produced", "produce")]
    public void IsCoveredBy_OtherFormOfSameWord_IsCovered(string answerWord, string referenceWord)
    {
        var term = KeyTerms.Extract(referenceWord).Single();

        Assert.True(KeyTerms.IsCoveredBy(term, KeyTerms.StemsOf($"It is {answerWord}.")));
    }

    [Fact]
    public void IsCoveredBy_DifferentShortWord_IsNotCovered()
    {
        var term = KeyTerms.Extract("care").Single();

        Assert.False(KeyTerms.IsCoveredBy(term, KeyTerms.StemsOf("a car")));
    }
}
