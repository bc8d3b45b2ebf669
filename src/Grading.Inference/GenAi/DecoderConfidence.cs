using Grading.Core.Prompts;

namespace Grading.Inference.GenAi;

/// <summary>
/// The decoder grader's confidence in a score it parsed, from the model itself and from how the score was read.
/// <para>
/// Certainty: the probability the model gave the score it wrote. For each number the score was read from (the total,
/// or every criterion's points when their sum is the score) that is the product of its tokens' probabilities, i.e.
/// the probability of exactly that number given the reply so far; several numbers are combined by their geometric
/// mean, so a rubric of five criteria is not punished for having five numbers. A model torn between "2" and "3"
/// gives about 0.5; a fine-tuned model sure of its grade gives close to 1.
/// </para>
/// <para>
/// Then the parse outcome lowers it, because the number the grade carries is then less the model's own: a score that
/// was clamped, rescaled or replaced by the criteria sum is halved; a reply graded from the sampled retry (the greedy
/// reply broke the output contract) counts three quarters; any other parser note (several scores, missing feedback,
/// an unscored criterion) counts 0.85. Without token probabilities (a generator that records none) the certainty is
/// <see cref="UnmeasuredCertainty"/>, the fixed value this grader reported before it measured anything.
/// </para>
/// </summary>
public static class DecoderConfidence
{
    public const double UnmeasuredCertainty = 0.6;

    public const double AdjustedScoreFactor = 0.5;

    public const double RetriedReplyFactor = 0.75;

    public const double ParserNoteFactor = 0.85;

    public static double For(ParsedModelOutput parsed, GeneratedText reply, bool retried)
    {
        var confidence = Certainty(parsed.ScoreSpans, reply) ?? UnmeasuredCertainty;
        if (parsed.ScoreAdjusted)
        {
            confidence *= AdjustedScoreFactor;
        }

        if (retried)
        {
            confidence *= RetriedReplyFactor;
        }

        if (parsed.ReviewReasons.Count > 0 && !parsed.ScoreAdjusted)
        {
            confidence *= ParserNoteFactor;
        }

        return Math.Clamp(confidence, 0, 1);
    }

    /// <summary>The geometric mean over the score's numbers of the probability of each; null when it cannot be measured.</summary>
    public static double? Certainty(IReadOnlyList<Range> scoreSpans, GeneratedText reply)
    {
        if (scoreSpans.Count == 0 || reply.TokenProbabilities is not { } probabilities || reply.TokenTextEnds is not { } ends || ends.Count != probabilities.Count)
        {
            return null;
        }

        var logSum = 0.0;
        foreach (var span in scoreSpans)
        {
            var (start, length) = span.GetOffsetAndLength(reply.Text.Length);
            var tokens = 0;
            for (var i = 0; i < ends.Count; i++)
            {
                var tokenStart = i == 0 ? 0 : ends[i - 1];
                if (tokenStart < start + length && ends[i] > start)
                {
                    if (double.IsNaN(probabilities[i]))
                    {
                        return null;
                    }

                    logSum += Math.Log(Math.Max(probabilities[i], double.Epsilon));
                    tokens++;
                }
            }

            if (tokens == 0)
            {
                return null;
            }
        }

        return Math.Exp(logSum / scoreSpans.Count);
    }
}
