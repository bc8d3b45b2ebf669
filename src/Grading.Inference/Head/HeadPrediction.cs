namespace Grading.Inference.Head;

/// <summary>What a head says about one answer: the score fraction (0..1), the label, and the calibrated confidence.</summary>
internal sealed record HeadPrediction(double Fraction, string Label, double LabelProbability, double Confidence);
