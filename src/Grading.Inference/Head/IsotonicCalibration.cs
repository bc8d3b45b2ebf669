namespace Grading.Inference.Head;

/// <summary>
/// A non-decreasing map from a raw certainty signal to the observed rate of acceptable grades, fitted by pool adjacent
/// violators on out-of-fold predictions. Between fitted points it interpolates linearly; outside it holds the ends.
/// </summary>
public sealed record IsotonicCalibration(double[] Signals, double[] Rates)
{
    public static IsotonicCalibration Fit(IReadOnlyList<(double Signal, bool Acceptable)> points)
    {
        if (points.Count == 0)
        {
            return new IsotonicCalibration([0], [0.5]);
        }

        // Blocks of (mean signal, mean outcome, weight), merged while a later block's rate falls below an earlier one's.
        var blocks = new List<(double Signal, double Rate, double Weight)>();
        foreach (var (signal, acceptable) in points.OrderBy(p => p.Signal))
        {
            blocks.Add((signal, acceptable ? 1 : 0, 1));
            while (blocks.Count > 1 && blocks[^2].Rate >= blocks[^1].Rate)
            {
                var (a, b) = (blocks[^2], blocks[^1]);
                var weight = a.Weight + b.Weight;
                blocks.RemoveAt(blocks.Count - 1);
                blocks[^1] = ((a.Signal * a.Weight + b.Signal * b.Weight) / weight, (a.Rate * a.Weight + b.Rate * b.Weight) / weight, weight);
            }
        }

        return new IsotonicCalibration(blocks.Select(b => b.Signal).ToArray(), blocks.Select(b => b.Rate).ToArray());
    }

    /// <summary>
    /// The map fitted on every fold's points, pulled toward their overall rate by as much as a map fitted without each
    /// fold overstates it on that fold (the least-squares factor on the cross-fitted rates, in [0, 1]). Where the folds
    /// are whole questions, a map learned on some questions is surer than it proves on others, and this measures by
    /// how much; where it holds up on every fold the factor is 1 and the map is <see cref="Fit"/>'s.
    /// </summary>
    public static IsotonicCalibration FitAcrossFolds(IReadOnlyList<IReadOnlyList<(double Signal, bool Acceptable)>> folds)
    {
        var all = folds.SelectMany(fold => fold).ToArray();
        var pooled = Fit(all);
        if (folds.Count(fold => fold.Count > 0) < 2)
        {
            return pooled;
        }

        var rate = all.Average(p => p.Acceptable ? 1.0 : 0.0);
        double covariance = 0, variance = 0;
        for (var f = 0; f < folds.Count; f++)
        {
            var others = Fit(folds.Where((_, g) => g != f).SelectMany(fold => fold).ToArray());
            foreach (var (signal, acceptable) in folds[f])
            {
                var spread = others.Apply(signal) - rate;
                covariance += spread * ((acceptable ? 1 : 0) - rate);
                variance += spread * spread;
            }
        }

        var factor = variance > 0 ? Math.Clamp(covariance / variance, 0, 1) : 1;
        return pooled with { Rates = [.. pooled.Rates.Select(r => rate + (factor * (r - rate)))] };
    }

    public double Apply(double signal)
    {
        if (signal <= Signals[0])
        {
            return Rates[0];
        }

        for (var i = 1; i < Signals.Length; i++)
        {
            if (signal <= Signals[i])
            {
                var t = (signal - Signals[i - 1]) / Math.Max(Signals[i] - Signals[i - 1], 1e-12);
                return Rates[i - 1] + t * (Rates[i] - Rates[i - 1]);
            }
        }

        return Rates[^1];
    }
}
