namespace Grading.Inference.Head;

/// <summary>
/// Kernel ridge regression over one question's graded examples: prediction(x) = sum_j alpha_j k(x, x_j), with
/// alpha = (K + lambda I)^-1 y. The kernel's constant part plays the intercept. Keeping G^-1 = (K + lambda I)^-1 lets
/// <see cref="Without"/> drop one example exactly in O(n^2) (block inversion), so leave-one-out training rows cost no refit.
/// </summary>
internal sealed class KernelRidge
{
    private readonly double[,] _inverse;
    private readonly double[] _alpha;

    private KernelRidge(double[,] inverse, double[] alpha)
    {
        _inverse = inverse;
        _alpha = alpha;
    }

    public int Count => _alpha.Length;

    /// <param name="gram">K (n x n, symmetric positive semi-definite); not kept.</param>
    public static KernelRidge Fit(double[,] gram, IReadOnlyList<double> targets, double lambda)
    {
        var n = targets.Count;
        if (gram.GetLength(0) != n || gram.GetLength(1) != n)
        {
            throw new ArgumentException($"The Gram matrix is {gram.GetLength(0)} x {gram.GetLength(1)}, but there are {n} targets.", nameof(gram));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lambda);
        var g = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                g[i, j] = gram[i, j] + (i == j ? lambda : 0);
            }
        }

        var inverse = SymmetricPositiveDefinite.Invert(g);
        var alpha = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < n; j++)
            {
                sum += inverse[i, j] * targets[j];
            }

            alpha[i] = sum;
        }

        return new KernelRidge(inverse, alpha);
    }

    /// <param name="kernel">k(x, x_j) for every example j, in order.</param>
    public double Predict(ReadOnlySpan<double> kernel)
    {
        if (kernel.Length != _alpha.Length)
        {
            throw new ArgumentException($"{kernel.Length} kernel values for {_alpha.Length} examples.", nameof(kernel));
        }

        var sum = 0.0;
        for (var j = 0; j < kernel.Length; j++)
        {
            sum += _alpha[j] * kernel[j];
        }

        return sum;
    }

    /// <summary>The same regression fitted without example <paramref name="index"/> (exact, not an approximation).</summary>
    public KernelRidge Without(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var n = Count - 1;
        var pivot = _inverse[index, index];
        var inverse = new double[n, n];
        var alpha = new double[n];
        for (int i = 0, a = 0; i <= n; i++)
        {
            if (i == index)
            {
                continue;
            }

            var factor = _inverse[i, index] / pivot;
            alpha[a] = _alpha[i] - factor * _alpha[index];
            for (int j = 0, b = 0; j <= n; j++)
            {
                if (j == index)
                {
                    continue;
                }

                inverse[a, b++] = _inverse[i, j] - factor * _inverse[index, j];
            }

            a++;
        }

        return new KernelRidge(inverse, alpha);
    }
}
