using System.Globalization;

namespace Grading.Core.Batches;

/// <summary>
/// What a question's maxScore may be, the same for batch rows and assignment files: greater than zero, at most
/// <see cref="Largest"/> (a percentage of 1e300 overflows to infinity, which JSON cannot carry), and a whole number of
/// <see cref="Step"/> points, the precision grades are recorded in (a maxScore of 1e-9 would make every score 0).
/// </summary>
public static class MaxScores
{
    public const double Largest = 10_000;

    public const double Step = 0.001;

    /// <summary>Why <paramref name="value"/> is not a usable maxScore, or null.</summary>
    public static string? Problem(double value)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            return $"must be a number greater than zero, found {Format(value)}";
        }

        if (value < Step)
        {
            return $"must be at least {Step.ToString(CultureInfo.InvariantCulture)} (grades are recorded to {Step.ToString(CultureInfo.InvariantCulture)} points), found {Format(value)}";
        }

        if (value > Largest)
        {
            return $"must be at most {Largest:N0}, found {Format(value)}";
        }

        var steps = value / Step;
        return Math.Abs(steps - Math.Round(steps)) > 1e-6
            ? $"must be a whole number of {Step.ToString(CultureInfo.InvariantCulture)} points (grades are recorded to {Step.ToString(CultureInfo.InvariantCulture)}), found {Format(value)}"
            : null;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
