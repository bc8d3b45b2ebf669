namespace Grading.Core.Metrics;

/// <summary>How often predicted labels match human ones: accuracy and macro-averaged F1 over every label either side used.</summary>
public sealed record LabelAgreement(int N, double Accuracy, double MacroF1)
{
    /// <summary>Pairs with a missing label on either side are left out; null when none is left.</summary>
    public static LabelAgreement? Compute(IEnumerable<(string? Predicted, string? Human)> pairs)
    {
        var labelled = pairs.Where(p => p.Predicted is not null && p.Human is not null)
            .Select(p => (Predicted: p.Predicted!, Human: p.Human!))
            .ToArray();
        if (labelled.Length == 0)
        {
            return null;
        }

        var accuracy = labelled.Count(p => p.Predicted == p.Human) / (double)labelled.Length;
        var classes = labelled.Select(p => p.Predicted).Concat(labelled.Select(p => p.Human)).Distinct(StringComparer.Ordinal);
        var f1s = classes.Select(label =>
        {
            var truePositives = labelled.Count(p => p.Predicted == label && p.Human == label);
            var predicted = labelled.Count(p => p.Predicted == label);
            var actual = labelled.Count(p => p.Human == label);
            // A class predicted or present but never hit scores 0, as scikit-learn's zero_division=0.
            return truePositives == 0 ? 0 : 2.0 * truePositives / (predicted + actual);
        }).ToArray();
        return new LabelAgreement(labelled.Length, accuracy, f1s.Average());
    }
}
