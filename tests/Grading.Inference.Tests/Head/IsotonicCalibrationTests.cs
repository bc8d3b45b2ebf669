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
}
