namespace Grading.Inference.Similarity;

/// <summary>
/// Maps a cosine similarity between MiniLM embeddings to a score fraction, and rounds scores the way tutors award them.
/// The ramp ends were picked by eye on short-answer data: below about 0.35 a MiniLM pair is usually on another topic,
/// above about 0.85 it is usually a paraphrase. Refit them against human grades before trusting the scale.
/// </summary>
public static class SimilarityCalibration
{
    /// <summary>Similarity at and below which an answer earns nothing.</summary>
    public const double ZeroCreditSimilarity = 0.35;

    /// <summary>Similarity at and above which an answer earns full marks.</summary>
    public const double FullCreditSimilarity = 0.85;

    /// <summary>Where the ramp is least sure whether an answer deserves credit.</summary>
    public const double RampMidpoint = (ZeroCreditSimilarity + FullCreditSimilarity) / 2;

    /// <summary>Tutors award quarter points on small questions...</summary>
    public const double FineScoreStep = 0.25;

    /// <summary>...and half points once a question is worth more than this many points.</summary>
    public const double CoarseStepAboveMaxScore = 4;

    public const double CoarseScoreStep = 0.5;

    /// <summary>A score fraction in [0, 1], rising linearly between the two ramp ends.</summary>
    public static double ToFraction(double similarity) => Ramp(similarity, ZeroCreditSimilarity, FullCreditSimilarity);

    /// <summary>0 at the ramp's midpoint, 1 at or beyond either end: how clearly a similarity sits on one side.</summary>
    public static double Decisiveness(double similarity) =>
        Math.Clamp(Math.Abs(similarity - RampMidpoint) / ((FullCreditSimilarity - ZeroCreditSimilarity) / 2), 0, 1);

    /// <summary>The score rounded to the nearest step a tutor would award, kept inside [0, maxScore].</summary>
    public static double RoundScore(double fraction, double maxScore)
    {
        if (maxScore <= 0 || double.IsNaN(fraction))
        {
            return 0;
        }

        var step = maxScore > CoarseStepAboveMaxScore ? CoarseScoreStep : FineScoreStep;
        var rounded = Math.Round(Math.Clamp(fraction, 0, 1) * maxScore / step, MidpointRounding.AwayFromZero) * step;
        return Math.Clamp(rounded, 0, maxScore);
    }

    /// <summary>0 below <paramref name="low"/>, 1 above <paramref name="high"/>, linear between.</summary>
    public static double Ramp(double value, double low, double high) => Math.Clamp((value - low) / (high - low), 0, 1);
}
