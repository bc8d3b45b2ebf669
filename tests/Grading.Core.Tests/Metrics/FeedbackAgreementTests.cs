using Grading.Core.Metrics;

namespace Grading.Core.Tests.Metrics;

public sealed class FeedbackAgreementTests
{
    [Fact]
    public void Compute_NoPairs_IsNull()
    {
        Assert.Null(FeedbackAgreement.Compute([]));
    }

    [Fact]
    public void Compute_OnlyBlankOrMissingHumanFeedback_IsNull()
    {
        Assert.Null(FeedbackAgreement.Compute([("Correct.", null), ("Correct.", " \n")]));
    }

    [Fact]
    public void Compute_SomeBlankHumanFeedback_CountsOnlyThePairsThatHaveIt()
    {
        var agreement = FeedbackAgreement.Compute([("Correct.", "Correct."), ("Correct.", ""), ("Correct.", null)])!;

        Assert.Equal((1, 1.0), (agreement.N, agreement.Rouge1));
    }

    [Fact]
    public void Compute_IdenticalTexts_IsPerfect()
    {
        var agreement = FeedbackAgreement.Compute([("The response is correct and complete.", "The response is correct and complete.")]);

        Assert.Equal(new FeedbackAgreement(1, 100, 1, 1, 1), agreement);
    }

    [Fact]
    public void Compute_PredictionMissingAWord_HandWorkedRouge()
    {
        // "the cat sat" against "the cat sat down": unigrams P 3/3, R 3/4 -> F1 6/7; bigrams P 2/2, R 2/3 -> F1 0.8;
        // the longest common subsequence is 3 words, so ROUGE-L equals ROUGE-1.
        var agreement = FeedbackAgreement.Compute([("the cat sat", "the cat sat down")])!;

        Assert.Equal((1, 0.8571, 0.8, 0.8571), (agreement.N, agreement.Rouge1, agreement.Rouge2, agreement.RougeL));
        Assert.Equal(Math.Round(SacreBleu.Corpus(["the cat sat"], ["the cat sat down"]), 2), agreement.Bleu);
    }
}
