namespace Grading.Core.Metrics;

/// <summary>Counts of the n-grams of a token sequence, keyed by the tokens joined with a separator no token contains.</summary>
internal static class NgramCounts
{
    private const char Separator = '\u0001';

    public static Dictionary<string, int> Of(IReadOnlyList<string> tokens, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var start = 0; start + n <= tokens.Count; start++)
        {
            var key = n == 1 ? tokens[start] : string.Join(Separator, tokens.Skip(start).Take(n));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }
}
