namespace Grading.Core.Reports.Html;

/// <summary>Counts of percentages in ten 10-point bins; 100% falls in the last bin.</summary>
public static class ScoreHistogram
{
    public const int Bins = 10;

    public static int[] Count(IEnumerable<double> percents)
    {
        var counts = new int[Bins];
        foreach (var percent in percents)
        {
            counts[Math.Clamp((int)Math.Floor(percent / (100.0 / Bins)), 0, Bins - 1)]++;
        }

        return counts;
    }
}
