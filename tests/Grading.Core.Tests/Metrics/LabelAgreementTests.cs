using Grading.Core.Metrics;

namespace Grading.Core.Tests.Metrics;

public sealed class LabelAgreementTests
{
    [Fact]
    public void Compute_OneClassOnlyAndAllRight_IsPerfect()
    {
        var agreement = LabelAgreement.Compute([("Correct", "Correct"), ("Correct", "Correct")])!;

        Assert.Equal((1.0, 1.0), (agreement.Accuracy, agreement.MacroF1));
    }

    [Fact]
    public void Compute_ConstantPrediction_MacroF1CountsTheMissedClassAsZero()
    {
        // F1(Correct) = 2*1/(2+1); F1(Incorrect) = 0 (never predicted).
        var agreement = LabelAgreement.Compute([("Correct", "Correct"), ("Correct", "Incorrect")])!;

        Assert.Equal(0.5, agreement.Accuracy, 9);
        Assert.Equal((2.0 / 3) / 2, agreement.MacroF1, 9);
    }

    [Fact]
    public void Compute_MissingLabels_AreLeftOutOrNull()
    {
        Assert.Null(LabelAgreement.Compute([(null, "Correct")]));
        Assert.Equal(1, LabelAgreement.Compute([(null, "Correct"), ("Incorrect", "Incorrect")])!.N);
    }
}
