using Grading.Core.Metrics;

namespace Grading.Core.Tests.Metrics;

public class ScoreAgreementTests
{
    [Fact]
    public void Compute_HandWorkedExample_MatchesByHandValues()
    {
        // Normalised (predicted, human): (2/4, 4/4) = (0.5, 1.0); (3/4, 3/4) = (0.75, 0.75); (1/2, 0/2) = (0.5, 0).
        // Differences: -0.5, 0, +0.5.
        // MAE  = (0.5 + 0 + 0.5) / 3 = 0.33333 -> 0.3333;  percent error = 33.33
        // RMSE = sqrt((0.25 + 0 + 0.25) / 3) = sqrt(0.16667) = 0.40825 -> 0.4082
        // Pearson: means are both 7/12. dP = (-1, 2, -1)/12, dH = (5, 2, -7)/12.
        //   cov = (-5 + 4 + 7)/144 = 6/144; varP = 6/144; varH = (25 + 4 + 49)/144 = 78/144
        //   r = 6 / sqrt(6 * 78) = 6 / 21.6333 = 0.27735 -> 0.2774
        var agreement = ScoreAgreement.Compute([(2, 4, 4), (3, 3, 4), (1, 0, 2)]);

        Assert.NotNull(agreement);
        Assert.Equal(3, agreement.N);
        Assert.Equal(0.3333, agreement.Mae);
        Assert.Equal(0.4082, agreement.Rmse);
        Assert.Equal(33.33, agreement.GradePercentError);
        Assert.Equal(0.2774, agreement.Pearson);
    }

    [Fact]
    public void Compute_PerfectAgreement_ZeroErrorAndPearsonOne()
    {
        var agreement = ScoreAgreement.Compute([(0, 0, 2), (1, 1, 2), (2, 2, 2)]);

        Assert.NotNull(agreement);
        Assert.Equal((0.0, 0.0, 0.0, 1.0), (agreement.Mae, agreement.Rmse, agreement.GradePercentError, agreement.Pearson));
    }

    [Fact]
    public void Compute_ScoresOnDifferentScales_AreNormalisedByMaxScore()
    {
        // Raw gaps are 1, 5 and 50 points, but each is half of its maxScore: normalised gaps are all 0.5.
        var agreement = ScoreAgreement.Compute([(1, 2, 2), (5, 10, 10), (50, 100, 100)]);

        Assert.NotNull(agreement);
        Assert.Equal((0.5, 0.5, 50.0), (agreement.Mae, agreement.Rmse, agreement.GradePercentError));
    }

    [Fact]
    public void Compute_ConstantHumanScores_PearsonNullButErrorsComputed()
    {
        // Normalised: (0.5, 1), (1, 1). MAE = (0.5 + 0)/2 = 0.25; RMSE = sqrt(0.25/2) = 0.35355 -> 0.3536.
        var agreement = ScoreAgreement.Compute([(1, 2, 2), (2, 2, 2)]);

        Assert.NotNull(agreement);
        Assert.Equal((2, 0.25, 0.3536, 25.0), (agreement.N, agreement.Mae, agreement.Rmse, agreement.GradePercentError));
        Assert.Null(agreement.Pearson);
    }

    [Fact]
    public void Compute_Empty_IsNull()
    {
        Assert.Null(ScoreAgreement.Compute([]));
    }

    [Fact]
    public void Compute_OnlyZeroMaxScores_IsNull()
    {
        Assert.Null(ScoreAgreement.Compute([(1, 1, 0), (0, 0, 0)]));
    }

    [Fact]
    public void Compute_ZeroMaxScorePairs_AreSkipped()
    {
        var agreement = ScoreAgreement.Compute([(1, 1, 0), (1, 2, 2)]);

        Assert.NotNull(agreement);
        Assert.Equal((1, 0.5), (agreement.N, agreement.Mae));
        Assert.Null(agreement.Pearson);
    }
}
