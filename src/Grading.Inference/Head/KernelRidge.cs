namespace Grading.Inference.Head;

/// <summary>
/// Kernel ridge regression over one question's graded examples: prediction(x) = sum_j alpha_j k(x, x_j), with
/// alpha = (K + lambda I)^-1 y, for one or more targets y sharing the kernel. The kernel's constant part plays the
/// intercept. Keeping G^-1 = (K + lambda I)^-1 lets <see cref="Without"/> drop one example exactly in O(n^2) (block
/// inversion), so leave-one-out training rows cost no refit.
/// </summary>
internal sealed class KernelRidge
{
    private readonly double[,] _inverse;
    private readonly double[][] _alphas;

    private KernelRidge(double[,] inverse, double[][] alphas)
    {
        _inverse = inverse;
        _alphas = alphas;
    }

    public int Count => _inverse.GetLength(0);

    /// <param name="gram">K (n x n, symmetric positive semi-definite); not kept.</param>
    public static KernelRidge Fit(double[,] gram, IReadOnlyList<double> targets, double lambda) => Fit(gram, [targets], lambda);

    /// <param name="gram">K (n x n, symmetric positive semi-definite); not kept.</param>
    /// <param name="targets">One or more target vectors of n values each.</param>
    public static KernelRidge Fit(double[,] gram, IReadOnlyList<IReadOnlyList<double>> targets, double lambda)
    {
        var n = gram.GetLength(0);
        var mismatched = targets.FirstOrDefault(target => target.Count != n);
        if (gram.GetLength(1) != n || mismatched is not null)
        {
            throw new ArgumentException($"The Gram matrix is {gram.GetLength(0)} x {gram.GetLength(1)}, but there are {(mismatched ?? targets[0]).Count} targets.", nameof(gram));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lambda);
        // A similarity that is not a proper kernel (the squared token alignment need not be) can leave K + lambda I
        // indefinite for some example set; a larger penalty makes it definite, smoothing only that question's fit.
        var penalty = lambda;
        double[,] inverse;
        for (var raised = 0; !SymmetricPositiveDefinite.TryInvert(Regularised(gram, penalty), out inverse); raised++)
        {
            if (raised == MaxPenaltyRaises)
            {
                throw new ArgumentException($"K + lambda I is not positive definite even with lambda raised to {penalty}.", nameof(gram));
            }

            penalty *= PenaltyRaise;
        }

        var alphas = targets.Select(target =>
        {
            var alpha = new double[n];
            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                for (var j = 0; j < n; j++)
                {
                    sum += inverse[i, j] * target[j];
                }

                alpha[i] = sum;
            }

            return alpha;
        }).ToArray();
        return new KernelRidge(inverse, alphas);
    }

    /// <summary>How many times, and by what factor, <see cref="Fit(double[,], IReadOnlyList{IReadOnlyList{double}}, double)"/> raises a penalty that leaves K + lambda I indefinite.</summary>
    public const int MaxPenaltyRaises = 4;

    public const double PenaltyRaise = 10;

    private static double[,] Regularised(double[,] gram, double lambda)
    {
        var n = gram.GetLength(0);
        var g = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                g[i, j] = gram[i, j] + (i == j ? lambda : 0);
            }
        }

        return g;
    }

    /// <param name="kernel">k(x, x_j) for every example j, in order.</param>
    /// <param name="target">Which target's regression (in the order fitted).</param>
    public double Predict(ReadOnlySpan<double> kernel, int target = 0)
    {
        if (kernel.Length != Count)
        {
            throw new ArgumentException($"{kernel.Length} kernel values for {Count} examples.", nameof(kernel));
        }

        var alpha = _alphas[target];
        var sum = 0.0;
        for (var j = 0; j < kernel.Length; j++)
        {
            sum += alpha[j] * kernel[j];
        }

        return sum;
    }

    /// <summary>
    /// k(x, x) - k^T (K + lambda I)^-1 k: the Gaussian-process posterior variance, small where the examples cover the
    /// answer and near k(x, x) where none resembles it.
    /// </summary>
    public double Uncertainty(ReadOnlySpan<double> kernel, double self)
    {
        var n = Count;
        var quadratic = 0.0;
        for (var i = 0; i < n; i++)
        {
            var row = 0.0;
            for (var j = 0; j < n; j++)
            {
                row += _inverse[i, j] * kernel[j];
            }

            quadratic += kernel[i] * row;
        }

        return self - quadratic;
    }

    /// <summary>The same regression fitted without example <paramref name="index"/> (exact, not an approximation).</summary>
    public KernelRidge Without(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var n = Count - 1;
        var pivot = _inverse[index, index];
        var inverse = new double[n, n];
        var alphas = _alphas.Select(_ => new double[n]).ToArray();
        for (int i = 0, a = 0; i <= n; i++)
        {
            if (i == index)
            {
                continue;
            }

            var factor = _inverse[i, index] / pivot;
            for (var t = 0; t < alphas.Length; t++)
            {
                alphas[t][a] = _alphas[t][i] - factor * _alphas[t][index];
            }

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

        return new KernelRidge(inverse, alphas);
    }
}
