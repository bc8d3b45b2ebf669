using System.Text;

namespace Grading.Inference.Similarity;

/// <summary>
/// Content words of a text (stop-words dropped), compared by a crude stem so "enzymes" covers "enzyme".
/// Good enough to tell a student which terms of the reference answer they used; not a linguistic analysis.
/// </summary>
public static class KeyTerms
{
    private const int MinTermLength = 3;

    // Stems this long that share all but the last couple of letters are treated as the same word
    // ("photosynthesis" / "photosynthetic"); shorter words must match exactly to avoid "car" ~ "care".
    private const int MinSharedPrefixForLooseMatch = 6;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "cannot", "could",
        "did", "do", "does", "doing", "down", "during", "each", "either", "else", "etc", "ever", "every", "few", "for",
        "from", "further", "get", "gets", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his",
        "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "less", "like", "made", "make",
        "makes", "many", "may", "me", "might", "more", "most", "much", "must", "my", "neither", "no", "nor", "not", "now",
        "of", "off", "often", "on", "once", "one", "only", "or", "other", "our", "out", "over", "own", "same", "she",
        "should", "since", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these",
        "they", "thing", "things", "this", "those", "through", "thus", "to", "too", "under", "until", "up", "upon",
        "us", "use", "used", "uses", "using", "very", "via", "was", "we", "well", "were", "what", "when", "where",
        "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would",
        "yes", "yet", "you", "your",
    };

    /// <summary>Whether a lower-case word is a stop-word (carries no content of its own).</summary>
    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>Distinct content words in order of first appearance, each as the text first spelled it.</summary>
    public static IReadOnlyList<KeyTerm> Extract(string text)
    {
        var terms = new List<KeyTerm>();
        var seenStems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words(text))
        {
            var lower = word.ToLowerInvariant();
            if (lower.Length < MinTermLength && !lower.Any(char.IsDigit) || StopWords.Contains(lower))
            {
                continue;
            }

            var stem = Stem(lower);
            if (seenStems.Add(stem))
            {
                terms.Add(new KeyTerm(word, stem));
            }
        }

        return terms;
    }

    /// <summary>The stems of every word in a text, stop-words included, for looking terms up in it.</summary>
    public static IReadOnlySet<string> StemsOf(string text) => StemSequence(text).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The distinct stems of a text's words and of each pair of adjacent words ("not reliable", "bit stuffing"): the
    /// terms a question's word regression weighs.
    /// </summary>
    public static IReadOnlySet<string> StemsAndPairsOf(string text)
    {
        var stems = StemSequence(text).ToArray();
        var terms = new HashSet<string>(stems, StringComparer.Ordinal);
        for (var i = 1; i < stems.Length; i++)
        {
            terms.Add(stems[i - 1] + " " + stems[i]);
        }

        return terms;
    }

    /// <summary>Whether a text with these stems uses the term, allowing a different ending on long words.</summary>
    public static bool IsCoveredBy(KeyTerm term, IReadOnlySet<string> stems)
    {
        if (stems.Contains(term.Stem))
        {
            return true;
        }

        if (term.Stem.Length < MinSharedPrefixForLooseMatch)
        {
            return false;
        }

        var prefix = term.Stem[..Math.Max(MinSharedPrefixForLooseMatch, term.Stem.Length - 2)];
        return stems.Any(stem => stem.Length >= MinSharedPrefixForLooseMatch && stem.StartsWith(prefix, StringComparison.Ordinal));
    }

    private static IEnumerable<string> StemSequence(string text) => Words(text).Select(word => Stem(word.ToLowerInvariant()));

    private static IEnumerable<string> Words(string text)
    {
        var current = new StringBuilder();
        foreach (var character in text)
        {
            // Keep inner hyphens and apostrophes so "cross-linking" stays one term.
            if (char.IsLetterOrDigit(character) || (character is '-' or '\'' && current.Length > 0))
            {
                current.Append(character);
                continue;
            }

            if (current.Length > 0)
            {
                yield return current.ToString().TrimEnd('-', '\'');
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString().TrimEnd('-', '\'');
        }
    }

    private static string Stem(string lower)
    {
        if (lower.EndsWith("'s", StringComparison.Ordinal))
        {
            lower = lower[..^2];
        }

        if (lower.Length > 4 && lower.EndsWith("ies", StringComparison.Ordinal))
        {
            return lower[..^3] + "y";
        }

        foreach (var suffix in (ReadOnlySpan<string>)["ing", "ed", "es", "s"])
        {
            if (lower.Length - suffix.Length >= 4 && lower.EndsWith(suffix, StringComparison.Ordinal) && !lower.EndsWith("ss", StringComparison.Ordinal))
            {
                lower = lower[..^suffix.Length];
                break;
            }
        }

        // Drop a silent final "e" so "enzyme", "enzymes" and "produce", "produced" meet at one stem.
        return lower.Length > 4 && lower.EndsWith('e') ? lower[..^1] : lower;
    }
}
