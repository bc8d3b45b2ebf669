using Grading.Inference.Head;

namespace Grading.Inference.Tests.Head;

public sealed class KernelRidgeTests
{
    private static readonly double[] Points = [0.0, 0.3, 0.5, 0.9, 1.4, 2.0];
    private static readonly double[] Targets = [0.1, 0.4, 0.5, 0.8, 0.7, 0.2];

    [Fact]
    public void Fit_TinyPenalty_ReproducesTheTargets()
    {
        var ridge = KernelRidge.Fit(Gram(Points), Targets, lambda: 1e-9);

        for (var i = 0; i < Points.Length; i++)
        {
            Assert.Equal(Targets[i], ridge.Predict(KernelRow(Points[i], Points)), precision: 5);
        }
    }

    [Fact]
    public void Fit_LargePenalty_ShrinksPredictionsTowardsZero()
    {
        var loose = KernelRidge.Fit(Gram(Points), Targets, lambda: 0.01);
        var tight = KernelRidge.Fit(Gram(Points), Targets, lambda: 100);

        var x = KernelRow(0.9, Points);
        Assert.True(Math.Abs(tight.Predict(x)) < Math.Abs(loose.Predict(x)) / 10, $"{tight.Predict(x)} vs {loose.Predict(x)}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(5)]
    public void Without_OneExample_EqualsARefitWithoutIt(int left)
    {
        var downdated = KernelRidge.Fit(Gram(Points), Targets, lambda: 0.1).Without(left);
        var rest = Points.Where((_, i) => i != left).ToArray();
        var refit = KernelRidge.Fit(Gram(rest), Targets.Where((_, i) => i != left).ToArray(), lambda: 0.1);

        Assert.Equal(rest.Length, downdated.Count);
        foreach (var x in (double[])[-0.5, 0.2, Points[left], 1.7])
        {
            Assert.Equal(refit.Predict(KernelRow(x, rest)), downdated.Predict(KernelRow(x, rest)), precision: 10);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Without_SeveralTargets_EachEqualsARefitWithoutIt(int left)
    {
        double[] second = [1, 0, 0, 1, 1, 0];
        var downdated = KernelRidge.Fit(Gram(Points), [Targets, second], lambda: 0.1).Without(left);
        var rest = Points.Where((_, i) => i != left).ToArray();
        var refitFirst = KernelRidge.Fit(Gram(rest), Targets.Where((_, i) => i != left).ToArray(), lambda: 0.1);
        var refitSecond = KernelRidge.Fit(Gram(rest), second.Where((_, i) => i != left).ToArray(), lambda: 0.1);

        var x = KernelRow(0.7, rest);
        Assert.Equal(refitFirst.Predict(x), downdated.Predict(x, target: 0), precision: 10);
        Assert.Equal(refitSecond.Predict(x), downdated.Predict(x, target: 1), precision: 10);
        Assert.NotEqual(downdated.Predict(x, target: 0), downdated.Predict(x, target: 1), precision: 3);
    }

    [Fact]
    public void Uncertainty_FarFromEveryExample_ExceedsThatAtAnExample()
    {
        var ridge = KernelRidge.Fit(Gram(Points), Targets, lambda: 0.01);

        var atExample = ridge.Uncertainty(KernelRow(0.9, Points), Kernel(0.9, 0.9));
        var far = ridge.Uncertainty(KernelRow(6, Points), Kernel(6, 6));

        Assert.InRange(atExample, 0, 0.05);
        Assert.True(far > 0.9, $"far from every example: {far}");
    }

    [Fact]
    public void Fit_GramOfWrongSize_ThrowsNamingBothSizes()
    {
        var error = Assert.Throws<ArgumentException>(() => KernelRidge.Fit(Gram(Points[..3]), Targets, lambda: 0.1));

        Assert.Contains("3 x 3", error.Message);
        Assert.Contains("6 targets", error.Message);
    }

    [Fact]
    public void Fit_IndefiniteGram_RaisesThePenaltyUntilItFits()
    {
        // Eigenvalues 3 and -1: indefinite at penalty 0.1 and 1, definite at 10 (the fit of K + 10 I).
        double[,] gram = { { 1, 2 }, { 2, 1 } };

        var ridge = KernelRidge.Fit(gram, [1.0, 0.0], lambda: 0.1);

        // alpha = (K + 10 I)^-1 y = [11, -2]^T / 117; prediction at a row equal to the first example's kernel row.
        Assert.Equal(((11 * 1) + (-2 * 2)) / 117.0, ridge.Predict([1, 2]), precision: 12);
    }

    [Fact]
    public void Fit_GramWithNaN_ThrowsAfterRaisingThePenalty()
    {
        double[,] gram = { { double.NaN, 0 }, { 0, 1 } };

        var error = Assert.Throws<ArgumentException>(() => KernelRidge.Fit(gram, [1.0, 0.0], lambda: 0.1));

        Assert.Contains("not positive definite", error.Message);
    }

    [Fact]
    public void Predict_KernelRowOfWrongLength_Throws()
    {
        var ridge = KernelRidge.Fit(Gram(Points), Targets, lambda: 0.1);

        Assert.Throws<ArgumentException>(() => ridge.Predict(KernelRow(0.5, Points[..2])));
    }

    private static double Kernel(double a, double b) => Math.Exp(-(a - b) * (a - b) / 0.5) + 1;

    private static double[] KernelRow(double x, double[] points) => points.Select(p => Kernel(x, p)).ToArray();

    private static double[,] Gram(double[] points)
    {
        var gram = new double[points.Length, points.Length];
        for (var i = 0; i < points.Length; i++)
        {
            for (var j = 0; j < points.Length; j++)
            {
                gram[i, j] = Kernel(points[i], points[j]);
            }
        }

        return gram;
    }
}
