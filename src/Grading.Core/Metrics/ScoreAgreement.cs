namespace Grading.Core.Metrics;

/// <summary>How closely predicted scores follow human scores. Errors are on scores normalised by maxScore (0..1).</summary>
public sealed record ScoreAgreement(int N, double Mae, double Rmse, double GradePercentError, double? Pearson)
{
    /// <summary>Null when no pair carries a human score.</summary>
    public static ScoreAgreement? Compute(IEnumerable<(double Predicted, double Human, double MaxScore)> pairs)
    {
        var normalised = pairs
            .Where(p => p.MaxScore > 0)
            .Select(p => (Predicted: p.Predicted / p.MaxScore, Human: p.Human / p.MaxScore))
            .ToList();
        if (normalised.Count == 0)
        {
            return null;
        }

        var mae = normalised.Average(p => Math.Abs(p.Predicted - p.Human));
        var rmse = Math.Sqrt(normalised.Average(p => Math.Pow(p.Predicted - p.Human, 2)));
        return new ScoreAgreement(
            normalised.Count,
            Math.Round(mae, 4),
            Math.Round(rmse, 4),
            Math.Round(100 * mae, 2),
            Correlation.Pearson(normalised.Select(p => p.Predicted).ToList(), normalised.Select(p => p.Human).ToList()) is { } r ? Math.Round(r, 4) : null);
    }
}
