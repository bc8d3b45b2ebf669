using Grading.Core.Domain;

namespace Grading.Core.Reports.Html;

/// <summary>
/// Predicted label against the label the human score implies (<see cref="GradeLabel.FromFraction"/>), over the
/// grades that carry a human score. Counts[predicted, human] in the order of <see cref="Labels"/>.
/// </summary>
public sealed record LabelConfusion(IReadOnlyList<string> Labels, int[,] Counts)
{
    public static IReadOnlyList<string> DefaultLabels { get; } = [GradeLabel.Correct, GradeLabel.PartiallyCorrect, GradeLabel.Incorrect];

    /// <summary>Null when no grade carries a human score.</summary>
    public static LabelConfusion? Compute(IEnumerable<Grade> grades)
    {
        var pairs = grades
            .Where(g => g.HumanScore is not null && g.MaxScore > 0)
            .Select(g => (Predicted: g.Label ?? GradeLabel.FromFraction(g.Score / g.MaxScore), Human: GradeLabel.FromFraction(g.HumanScore!.Value / g.MaxScore)))
            .ToList();
        if (pairs.Count == 0)
        {
            return null;
        }

        // A grader with its own label head may use labels outside the three; they get their own row and column.
        var labels = DefaultLabels
            .Concat(pairs.SelectMany(p => new[] { p.Predicted, p.Human }).Where(l => !DefaultLabels.Contains(l)).Distinct().Order(StringComparer.Ordinal))
            .ToList();
        var counts = new int[labels.Count, labels.Count];
        foreach (var (predicted, human) in pairs)
        {
            counts[labels.IndexOf(predicted), labels.IndexOf(human)]++;
        }

        return new LabelConfusion(labels, counts);
    }

    public int Total => Counts.Cast<int>().Sum();

    public int Agreeing => Enumerable.Range(0, Labels.Count).Sum(i => Counts[i, i]);
}
