namespace Grading.Core.Metrics;

/// <summary>
/// The step a question's scores move in (1, 0.5, 0.25, 0.2, 0.125, 0.1 or 0.05 points), used to put predicted scores on
/// the tutors' grid and to turn scores into ratings for QWK.
/// </summary>
public static class ScoreStep
{
    private static readonly double[] Candidates = [1, 0.5, 0.25, 0.2, 0.125, 0.1, 0.05];

    /// <summary>Eighths, the finest step of the usual scales: what a question whose scores fit no candidate is taken to use.</summary>
    public const double WhenNoneFits = 0.125;

    /// <summary>How far a score may be from a multiple of the step and still sit on it: scores written to two decimals (0.38 for 0.375).</summary>
    public const double Tolerance = 0.006;

    /// <summary>The coarsest candidate step that every score is a multiple of; <see cref="WhenNoneFits"/> when none fits; 1 without scores.</summary>
    public static double Of(IEnumerable<double> scores)
    {
        var all = scores.Where(double.IsFinite).ToArray();
        foreach (var step in Candidates)
        {
            if (all.All(score => Math.Abs(score - (Math.Round(score / step) * step)) <= Tolerance))
            {
                return step;
            }
        }

        return WhenNoneFits;
    }
}
