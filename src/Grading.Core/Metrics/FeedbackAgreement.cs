namespace Grading.Core.Metrics;

/// <summary>
/// How closely written feedback follows human feedback, in the paper's measures: corpus BLEU-4 as sacreBLEU computes it
/// (0-100) and the mean ROUGE-1, ROUGE-2 and ROUGE-L F1 as rouge-score computes them (0-1).
/// </summary>
public sealed record FeedbackAgreement(int N, double Bleu, double Rouge1, double Rouge2, double RougeL)
{
    /// <summary>Over the pairs that carry human feedback (a blank one is none); null when no pair does.</summary>
    public static FeedbackAgreement? Compute(IEnumerable<(string Predicted, string? Human)> pairs)
    {
        var list = pairs.Where(p => !string.IsNullOrWhiteSpace(p.Human)).ToArray();
        if (list.Length == 0)
        {
            return null;
        }

        var predicted = list.Select(p => p.Predicted).ToArray();
        var human = list.Select(p => p.Human!).ToArray();
        var rouge = RougeScores.Mean(human, predicted);
        return new FeedbackAgreement(
            list.Length,
            Math.Round(SacreBleu.Corpus(predicted, human), 2),
            Math.Round(rouge.Rouge1, 4),
            Math.Round(rouge.Rouge2, 4),
            Math.Round(rouge.RougeL, 4));
    }
}
