using CsCheck;
using Grading.Inference.Head;

namespace Grading.Inference.Tests.Head;

public sealed class IsotonicCalibrationTests
{
    [Fact]
    public void Fit_AnyOutcomes_GivesANonDecreasingMapWithinZeroAndOne()
    {
        Gen.Select(Gen.Double[0, 1], Gen.Bool).Array[1, 60].Sample(points =>
        {
            var calibration = IsotonicCalibration.Fit(points);
            var probes = Enumerable.Range(0, 21).Select(i => calibration.Apply(i / 20.0)).ToArray();

            Assert.All(probes, p => Assert.InRange(p, 0, 1));
            Assert.Equal(probes.Order(), probes);
        });
    }

    [Fact]
    public void Fit_SeparatedOutcomes_MapsLowSignalsToZeroAndHighToOne()
    {
        var calibration = IsotonicCalibration.Fit([(0.1, false), (0.2, false), (0.8, true), (0.9, true)]);

        Assert.Equal(0, calibration.Apply(0.05));
        Assert.Equal(1, calibration.Apply(0.95));
    }

    [Fact]
    public void Fit_ViolatingPair_PoolsItIntoItsMean()
    {
        var calibration = IsotonicCalibration.Fit([(0.1, true), (0.2, false)]);

        Assert.Equal(0.5, calibration.Apply(0.15), 9);
    }

    [Fact]
    public void FitAcrossFolds_SignalHoldsOnEveryFold_IsThePooledMap()
    {
        (double, bool)[] fold = [(0.1, false), (0.2, false), (0.8, true), (0.9, true)];

        var calibration = IsotonicCalibration.FitAcrossFolds([fold, fold]);

        Assert.Equal(IsotonicCalibration.Fit([.. fold, .. fold]).Rates, calibration.Rates);
    }

    [Fact]
    public void FitAcrossFolds_SignalReversedOnTheOtherFold_GivesTheOverallRateEverywhere()
    {
        (double, bool)[] sure = [(0.1, false), (0.9, true)];
        (double, bool)[] reversed = [(0.1, true), (0.9, false)];

        var calibration = IsotonicCalibration.FitAcrossFolds([sure, reversed]);

        Assert.All(calibration.Rates, rate => Assert.Equal(0.5, rate, 9));
    }

    [Fact]
    public void FitAcrossFolds_SignalHalfHoldsOnOneFold_PullsTheMapPartWayToTheOverallRate()
    {
        (double, bool)[] sure = [(0.1, false), (0.2, false), (0.8, true), (0.9, true)];
        (double, bool)[] noisy = [(0.1, false), (0.2, true), (0.8, false), (0.9, true)];

        var pooled = IsotonicCalibration.Fit([.. sure, .. noisy]);
        var calibration = IsotonicCalibration.FitAcrossFolds([sure, noisy]);

        Assert.InRange(calibration.Apply(0.9), 0.5 + 1e-6, pooled.Apply(0.9) - 1e-6);
        Assert.InRange(calibration.Apply(0.1), pooled.Apply(0.1) + 1e-6, 0.5 - 1e-6);
    }
}
