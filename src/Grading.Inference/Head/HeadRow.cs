namespace Grading.Inference.Head;

/// <summary>One answer as the head learns from it: features, the human score as a fraction of maxScore, the tutor's label.</summary>
internal sealed record HeadRow(float[] Features, float Fraction, string Label, string Group);
