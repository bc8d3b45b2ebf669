using Grading.Inference.Similarity;

namespace Grading.Inference.Tests.Similarity;

public sealed class SimilarityCalibrationTests
{
    [Theory]
    [InlineData(0.1, 0)]
    [InlineData(SimilarityCalibration.ZeroCreditSimilarity, 0)]
    [InlineData(SimilarityCalibration.RampMidpoint, 0.5)]
    [InlineData(SimilarityCalibration.FullCreditSimilarity, 1)]
    [InlineData(0.99, 1)]
    public void ToFraction_Similarity_FollowsClampedLinearRamp(double similarity, double expected)
    {
        Assert.Equal(expected, SimilarityCalibration.ToFraction(similarity), 6);
    }

    [Theory]
    [InlineData(0.61, 2, 1.25)]
    [InlineData(0.61, 10, 6)]
    [InlineData(1.4, 3, 3)]
    [InlineData(-0.2, 3, 0)]
    public void RoundScore_Fraction_RoundsToTutorStepWithinRange(double fraction, double maxScore, double expected)
    {
        Assert.Equal(expected, SimilarityCalibration.RoundScore(fraction, maxScore));
    }
}
