namespace Grading.Core.Metrics;

/// <summary>
/// Whether confidence means what it says: a reliability table (confidence against the share of grades within
/// <see cref="AcceptableError"/> of the human score), and the error left when only the most confident grades are kept.
/// </summary>
public sealed record ConfidenceReport(IReadOnlyList<ReliabilityBin> Reliability, IReadOnlyList<CoverageError> Coverage, double ExpectedCalibrationError)
{
    /// <summary>A grade within this fraction of maxScore of the human score counts as acceptable (0.15 = 15 points of 100).</summary>
    public const double AcceptableError = 0.15;

    public static readonly double[] DefaultCoverages = [0.8, 0.9, 1.0];

    /// <param name="items">Normalised absolute error (|predicted - human| / maxScore) and confidence of each grade.</param>
    public static ConfidenceReport Compute(IReadOnlyList<(double AbsoluteError, double Confidence)> items, int bins = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var table = new List<ReliabilityBin>();
        double calibrationGap = 0;
        for (var b = 0; b < bins; b++)
        {
            var from = b / (double)bins;
            var to = (b + 1) / (double)bins;
            var inBin = items.Where(item => item.Confidence >= from && (item.Confidence < to || (b == bins - 1 && item.Confidence <= to))).ToArray();
            if (inBin.Length == 0)
            {
                continue;
            }

            var meanConfidence = inBin.Average(item => item.Confidence);
            var acceptable = inBin.Count(item => item.AbsoluteError <= AcceptableError) / (double)inBin.Length;
            table.Add(new ReliabilityBin(from, to, inBin.Length, meanConfidence, acceptable));
            calibrationGap += inBin.Length * Math.Abs(meanConfidence - acceptable);
        }

        var coverage = DefaultCoverages.Select(c => CoverageError.At(items, c)).ToArray();
        return new ConfidenceReport(table, coverage, items.Count == 0 ? 0 : calibrationGap / items.Count);
    }
}
