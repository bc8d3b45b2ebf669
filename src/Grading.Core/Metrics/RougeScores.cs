using System.Text;

namespace Grading.Core.Metrics;

/// <summary>ROUGE-1, ROUGE-2 and ROUGE-L F1 of one prediction against one target, each 0..1.</summary>
public sealed record RougeScores(double Rouge1, double Rouge2, double RougeL)
{
    /// <summary>
    /// As Google's rouge-score package computes them without stemming: lowercase, every run of characters other than
    /// a-z and 0-9 becomes a space; n-gram F1 from clipped overlap counts; ROUGE-L from the longest common subsequence.
    /// Empty text on either side scores 0.
    /// </summary>
    public static RougeScores Compute(string target, string prediction)
    {
        return FromTokens(Tokenize(target), Tokenize(prediction));
    }

    /// <summary>The scores of texts already split by <see cref="Tokenize"/> (callers comparing many pairs tokenize once).</summary>
    public static RougeScores FromTokens(string[] targetTokens, string[] predictionTokens)
    {
        return new RougeScores(
            NgramF1(targetTokens, predictionTokens, 1),
            NgramF1(targetTokens, predictionTokens, 2),
            LcsF1(targetTokens, predictionTokens));
    }

    /// <summary>The mean of each F1 over all pairs (what rouge-score's aggregator reports as the mid value).</summary>
    public static RougeScores Mean(IReadOnlyList<string> targets, IReadOnlyList<string> predictions)
    {
        if (targets.Count != predictions.Count)
        {
            throw new ArgumentException("Each prediction needs exactly one target.", nameof(predictions));
        }

        if (targets.Count == 0)
        {
            return new RougeScores(0, 0, 0);
        }

        var scores = targets.Select((target, i) => Compute(target, predictions[i])).ToArray();
        return new RougeScores(scores.Average(s => s.Rouge1), scores.Average(s => s.Rouge2), scores.Average(s => s.RougeL));
    }

    public static string[] Tokenize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var cleaned = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            cleaned.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : ' ');
        }

        return cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>ROUGE-1 F1 alone, for tokenized texts.</summary>
    public static double Rouge1F1(string[] targetTokens, string[] predictionTokens) => NgramF1(targetTokens, predictionTokens, 1);

    /// <summary>ROUGE-L F1 alone, for tokenized texts.</summary>
    public static double RougeLF1(string[] targetTokens, string[] predictionTokens) => LcsF1(targetTokens, predictionTokens);

    private static double NgramF1(string[] target, string[] prediction, int n)
    {
        var targetCounts = NgramCounts.Of(target, n);
        var predictionCounts = NgramCounts.Of(prediction, n);
        var overlap = predictionCounts.Sum(pair => Math.Min(pair.Value, targetCounts.GetValueOrDefault(pair.Key)));
        var precision = overlap / (double)Math.Max(predictionCounts.Values.Sum(), 1);
        var recall = overlap / (double)Math.Max(targetCounts.Values.Sum(), 1);
        return FScore.F1(precision, recall);
    }

    private static double LcsF1(string[] target, string[] prediction)
    {
        if (target.Length == 0 || prediction.Length == 0)
        {
            return 0;
        }

        var previous = new int[prediction.Length + 1];
        var current = new int[prediction.Length + 1];
        foreach (var token in target)
        {
            for (var j = 1; j <= prediction.Length; j++)
            {
                current[j] = token == prediction[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        var lcs = previous[prediction.Length];
        return FScore.F1(lcs / (double)prediction.Length, lcs / (double)target.Length);
    }
}
