using Grading.Core.Domain;
using Grading.Inference.Similarity;

namespace Grading.Inference.Tests.Similarity;

public sealed class SimilarityFeedbackTests
{
    private static KeyTerm[] Terms(params string[] words) => words.Select(w => new KeyTerm(w, w)).ToArray();

    [Fact]
    public void Compose_CorrectWithNoKeyTermUsed_SaysItIsPutInOtherWordsNotThatKeyPointsAreMissing()
    {
        var feedback = SimilarityFeedback.Compose(GradeLabel.Correct, [], Terms("light", "energy"), comparedWithReference: true);

        Assert.Equal("Correct. Your answer makes the point in its own words; the reference answer names \"light\" and \"energy\".", feedback);
    }

    [Theory]
    [InlineData(GradeLabel.PartiallyCorrect)]
    [InlineData(GradeLabel.Incorrect)]
    public void Compose_NotCorrectWithNoKeyTermUsed_NamesTheMissingKeyPoints(string label)
    {
        var feedback = SimilarityFeedback.Compose(label, [], Terms("light", "energy"), comparedWithReference: true);

        Assert.Equal($"{label}. Your answer does not mention the key points of the reference answer, such as \"light\" or \"energy\".", feedback);
    }

    [Fact]
    public void Compose_CorrectWithSomeKeyTerms_SaysWhatTheReferenceAlsoNames()
    {
        var feedback = SimilarityFeedback.Compose(GradeLabel.Correct, Terms("oxygen"), Terms("light", "water"), comparedWithReference: true);

        Assert.Equal("Correct. Your answer mentions \"oxygen\"; the reference answer also names \"light\" and \"water\".", feedback);
    }

    [Fact]
    public void Compose_PartialWithSomeKeyTerms_SaysWhatItDoesNotMention()
    {
        var feedback = SimilarityFeedback.Compose(GradeLabel.PartiallyCorrect, Terms("oxygen"), Terms("light", "water"), comparedWithReference: true);

        Assert.Equal("Partially correct. Your answer mentions \"oxygen\", but does not mention \"light\" or \"water\".", feedback);
    }

    [Fact]
    public void Compose_EveryKeyTermUsed_ListsThem()
    {
        var feedback = SimilarityFeedback.Compose(GradeLabel.Correct, Terms("light", "water"), [], comparedWithReference: true);

        Assert.Equal("Correct. Your answer covers the key terms of the reference answer: \"light\" and \"water\".", feedback);
    }

    [Fact]
    public void Compose_ManyMissingTerms_ListsSixAndCountsTheRest()
    {
        var feedback = SimilarityFeedback.Compose(GradeLabel.Incorrect, [], Terms("a1", "b2", "c3", "d4", "e5", "f6", "g7", "h8"), comparedWithReference: true);

        Assert.EndsWith("\"a1\", \"b2\", \"c3\", \"d4\", \"e5\", \"f6\" or 2 more.", feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_NotComparedWithReference_SaysItWasGradedAgainstGradedAnswers()
    {
        var feedback = SimilarityFeedback.Compose(GradeLabel.PartiallyCorrect, [], [], comparedWithReference: false);

        Assert.Equal("Partially correct. Graded by comparison with answers a teacher already graded for this question.", feedback);
    }
}
