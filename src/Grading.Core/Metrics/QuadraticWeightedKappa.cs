namespace Grading.Core.Metrics;

/// <summary>
/// Cohen's kappa with quadratic weights on integer ratings: scikit-learn's cohen_kappa_score(weights="quadratic") with
/// labels = every integer from the lowest to the highest rating, so a rating nobody used still counts as distance.
/// </summary>
public static class QuadraticWeightedKappa
{
    /// <summary>Null when kappa is undefined: no pairs, or both raters give one and the same rating throughout.</summary>
    public static double? Compute(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        if (a.Count != b.Count)
        {
            throw new ArgumentException("Both raters need the same number of ratings.", nameof(b));
        }

        if (a.Count == 0)
        {
            return null;
        }

        var categories = a.Concat(b).Distinct().Order().ToArray();
        var index = categories.Select((category, i) => (category, i)).ToDictionary(p => p.category, p => p.i);
        var k = categories.Length;
        var observed = new double[k, k];
        var rowTotals = new double[k];
        var columnTotals = new double[k];
        for (var i = 0; i < a.Count; i++)
        {
            var (r, c) = (index[a[i]], index[b[i]]);
            observed[r, c]++;
            rowTotals[r]++;
            columnTotals[c]++;
        }

        double weightedObserved = 0, weightedExpected = 0;
        for (var r = 0; r < k; r++)
        {
            for (var c = 0; c < k; c++)
            {
                // Weights use the category values, not their ranks, so a gap in the scale still counts as distance.
                double weight = (categories[r] - categories[c]) * (categories[r] - categories[c]);
                weightedObserved += weight * observed[r, c];
                weightedExpected += weight * rowTotals[r] * columnTotals[c] / a.Count;
            }
        }

        return weightedExpected == 0 ? null : 1 - weightedObserved / weightedExpected;
    }

    /// <summary>Scores as integer ratings on a scale of <paramref name="step"/> (e.g. 0.5 points).</summary>
    public static int ToRating(double score, double step) => (int)Math.Round(score / step, MidpointRounding.AwayFromZero);
}
