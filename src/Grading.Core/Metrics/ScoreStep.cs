namespace Grading.Core.Metrics;

/// <summary>The finest step a question's scores move in (1, 0.5, 0.25 or 0.125 points), used to turn scores into ratings for QWK.</summary>
public static class ScoreStep
{
    private static readonly double[] Candidates = [1, 0.5, 0.25, 0.125];

    /// <summary>The coarsest candidate step that every score is a multiple of; 0.125 when none fits; 1 without scores.</summary>
    public static double Of(IEnumerable<double> scores)
    {
        var all = scores.Where(double.IsFinite).ToArray();
        foreach (var step in Candidates)
        {
            if (all.All(score => Math.Abs(score / step - Math.Round(score / step)) < 1e-6))
            {
                return step;
            }
        }

        return Candidates[^1];
    }
}
