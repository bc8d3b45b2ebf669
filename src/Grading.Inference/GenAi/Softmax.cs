namespace Grading.Inference.GenAi;

internal static class Softmax
{
    /// <summary>softmax(logits)[index], computed stably (shifted by the largest logit).</summary>
    public static double ProbabilityOf(ReadOnlySpan<float> logits, int index)
    {
        var max = float.NegativeInfinity;
        foreach (var logit in logits)
        {
            max = Math.Max(max, logit);
        }

        var sum = 0.0;
        foreach (var logit in logits)
        {
            sum += Math.Exp(logit - max);
        }

        return Math.Exp(logits[index] - max) / sum;
    }
}
