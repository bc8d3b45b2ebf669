namespace Grading.Core.Metrics;

/// <summary>The error of the grades kept when the least confident (1 - <see cref="Coverage"/>) are sent to review.</summary>
public sealed record CoverageError(double Coverage, int Kept, double Mae, double Rmse)
{
    public static CoverageError At(IReadOnlyList<(double AbsoluteError, double Confidence)> items, double coverage)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(coverage, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(coverage, 1);
        var kept = (int)Math.Ceiling(coverage * items.Count - 1e-9);
        // Ties broken by input order (OrderByDescending is stable), so the figure is reproducible.
        var chosen = items.OrderByDescending(item => item.Confidence).Take(kept).ToArray();
        return chosen.Length == 0
            ? new CoverageError(coverage, 0, 0, 0)
            : new CoverageError(coverage, chosen.Length, chosen.Average(item => item.AbsoluteError), Math.Sqrt(chosen.Average(item => item.AbsoluteError * item.AbsoluteError)));
    }
}
