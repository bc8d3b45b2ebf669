namespace Grading.Core.Safety;

/// <summary>What <see cref="AnswerScreen"/> found in one answer, and the answer with every finding's span removed.</summary>
public sealed record ScreenResult(string Answer, IReadOnlyList<ScreenFinding> Findings, string CleanedAnswer)
{
    public bool IsFlagged => Findings.Count > 0;

    /// <summary>One review reason a kind, in order of first appearance, each naming what was found.</summary>
    public IReadOnlyList<string> ReviewReasons =>
        Findings.GroupBy(f => f.Kind).Select(g => g.Count() == 1 ? g.First().Reason : $"{g.First().Reason} (and {g.Count() - 1} more like it)").ToList();
}
