using System.Text.RegularExpressions;

namespace Grading.Core.Metrics;

/// <summary>
/// Corpus BLEU-4 as sacreBLEU computes it by default (one reference per hypothesis, 13a tokenisation, case kept,
/// exponential smoothing, no effective order), on a 0-100 scale, so figures compare with published ones.
/// </summary>
public static partial class SacreBleu
{
    public const int MaxNgramOrder = 4;

    // sacreBLEU returns log(0) as this, so a zero precision drives the geometric mean to 0 rather than NaN.
    private const double LogOfZero = -9999999999;

    public static double Corpus(IReadOnlyList<string> hypotheses, IReadOnlyList<string> references)
    {
        ArgumentNullException.ThrowIfNull(hypotheses);
        ArgumentNullException.ThrowIfNull(references);
        if (hypotheses.Count != references.Count)
        {
            throw new ArgumentException("Each hypothesis needs exactly one reference.", nameof(references));
        }

        var correct = new long[MaxNgramOrder];
        var total = new long[MaxNgramOrder];
        long systemLength = 0, referenceLength = 0;
        for (var i = 0; i < hypotheses.Count; i++)
        {
            var hypothesis = Tokenize13a(hypotheses[i] ?? string.Empty);
            var reference = Tokenize13a(references[i] ?? string.Empty);
            systemLength += hypothesis.Length;
            referenceLength += reference.Length;
            for (var n = 1; n <= MaxNgramOrder; n++)
            {
                var referenceCounts = NgramCounts.Of(reference, n);
                foreach (var (ngram, count) in NgramCounts.Of(hypothesis, n))
                {
                    correct[n - 1] += Math.Min(count, referenceCounts.GetValueOrDefault(ngram));
                }

                total[n - 1] += Math.Max(0, hypothesis.Length - n + 1);
            }
        }

        return FromStatistics(correct, total, systemLength, referenceLength);
    }

    internal static double FromStatistics(long[] correct, long[] total, long systemLength, long referenceLength)
    {
        var brevityPenalty = systemLength < referenceLength
            ? systemLength > 0 ? Math.Exp(1 - (double)referenceLength / systemLength) : 0
            : 1;
        if (correct.All(count => count == 0))
        {
            return 0;
        }

        var precisions = new double[MaxNgramOrder];
        var smoothing = 1.0;
        for (var n = 1; n <= MaxNgramOrder; n++)
        {
            if (total[n - 1] == 0)
            {
                break;
            }

            if (correct[n - 1] == 0)
            {
                smoothing *= 2;
                precisions[n - 1] = 100.0 / (smoothing * total[n - 1]);
            }
            else
            {
                precisions[n - 1] = 100.0 * correct[n - 1] / total[n - 1];
            }
        }

        return brevityPenalty * Math.Exp(precisions.Sum(p => p == 0 ? LogOfZero : Math.Log(p)) / MaxNgramOrder);
    }

    /// <summary>sacreBLEU's "13a" tokenizer (mteval-v13a.pl): splits punctuation and symbols off words.</summary>
    public static string[] Tokenize13a(string line)
    {
        line = line.Replace("<skipped>", string.Empty, StringComparison.Ordinal)
            .Replace("-\n", string.Empty, StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);
        if (line.Contains('&', StringComparison.Ordinal))
        {
            line = line.Replace("&quot;", "\"", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal)
                .Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal);
        }

        line = $" {line} ";
        line = Symbols().Replace(line, " $1 ");
        line = PeriodCommaAfterNonDigit().Replace(line, "$1 $2 ");
        line = PeriodCommaBeforeNonDigit().Replace(line, " $1 $2");
        line = DashAfterDigit().Replace(line, "$1 $2 ");
        return line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    [GeneratedRegex(@"([\{-\~\[-\` -\&\(-\+\:-\@\/])")]
    private static partial Regex Symbols();

    [GeneratedRegex(@"([^0-9])([\.,])")]
    private static partial Regex PeriodCommaAfterNonDigit();

    [GeneratedRegex(@"([\.,])([^0-9])")]
    private static partial Regex PeriodCommaBeforeNonDigit();

    [GeneratedRegex(@"([0-9])(-)")]
    private static partial Regex DashAfterDigit();
}
