namespace Grading.Core.Metrics;

/// <summary>The F-measure that ROUGE, token alignment and the grader's features share.</summary>
public static class FScore
{
    /// <summary>The harmonic mean of precision and recall; 0 when both are 0.</summary>
    public static double F1(double precision, double recall) =>
        precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
}
