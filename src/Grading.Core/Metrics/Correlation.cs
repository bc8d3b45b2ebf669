namespace Grading.Core.Metrics;

public static class Correlation
{
    /// <summary>Pearson's r; null when either side is constant or there are fewer than two pairs (r is undefined then).</summary>
    public static double? Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count)
        {
            throw new ArgumentException("Both series need the same length.", nameof(y));
        }

        if (x.Count < 2)
        {
            return null;
        }

        var meanX = x.Average();
        var meanY = y.Average();
        double covariance = 0, varianceX = 0, varianceY = 0;
        for (var i = 0; i < x.Count; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            covariance += dx * dy;
            varianceX += dx * dx;
            varianceY += dy * dy;
        }

        return varianceX <= 0 || varianceY <= 0 ? null : covariance / Math.Sqrt(varianceX * varianceY);
    }
}
