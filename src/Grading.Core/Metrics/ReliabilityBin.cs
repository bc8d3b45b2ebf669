namespace Grading.Core.Metrics;

/// <summary>
/// One row of a reliability table: grades whose confidence fell in [<see cref="From"/>, <see cref="To"/>), their mean
/// confidence, and the share of them that were acceptable. Calibrated confidence keeps the two close.
/// </summary>
public sealed record ReliabilityBin(double From, double To, int Count, double MeanConfidence, double AcceptableRate);
