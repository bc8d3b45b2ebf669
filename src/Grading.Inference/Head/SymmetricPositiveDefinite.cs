namespace Grading.Inference.Head;

/// <summary>The inverse of a small symmetric positive-definite matrix by Cholesky factorisation (a question has at most a few hundred examples).</summary>
internal static class SymmetricPositiveDefinite
{
    private const double RelativePivotTolerance = 1e-10;

    /// <summary>The inverse, or false when the matrix is not positive definite.</summary>
    public static bool TryInvert(double[,] matrix, out double[,] inverse)
    {
        inverse = new double[0, 0];
        var n = matrix.GetLength(0);
        if (matrix.GetLength(1) != n)
        {
            throw new ArgumentException($"The matrix is {n} x {matrix.GetLength(1)}, not square.", nameof(matrix));
        }

        // matrix = L L^T
        var lower = new double[n, n];
        for (var j = 0; j < n; j++)
        {
            var diagonal = matrix[j, j];
            for (var k = 0; k < j; k++)
            {
                diagonal -= lower[j, k] * lower[j, k];
            }

            // A pivot lost to rounding (a singular matrix leaves 1e-16 instead of 0) counts as not positive.
            if (diagonal <= Math.Abs(matrix[j, j]) * RelativePivotTolerance || !double.IsFinite(diagonal))
            {
                return false;
            }

            lower[j, j] = Math.Sqrt(diagonal);
            for (var i = j + 1; i < n; i++)
            {
                var sum = matrix[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= lower[i, k] * lower[j, k];
                }

                lower[i, j] = sum / lower[j, j];
            }
        }

        // L^-1 by forward substitution, then matrix^-1 = L^-T L^-1.
        var lowerInverse = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            lowerInverse[i, i] = 1 / lower[i, i];
            for (var j = 0; j < i; j++)
            {
                var sum = 0.0;
                for (var k = j; k < i; k++)
                {
                    sum -= lower[i, k] * lowerInverse[k, j];
                }

                lowerInverse[i, j] = sum / lower[i, i];
            }
        }

        inverse = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = 0.0;
                for (var k = i; k < n; k++)
                {
                    sum += lowerInverse[k, i] * lowerInverse[k, j];
                }

                inverse[i, j] = inverse[j, i] = sum;
            }
        }

        return true;
    }
}
