namespace Grading.Orchestration.Regrade;

/// <summary>The output of <see cref="RegradeOrchestrator"/>: one entry per assignment looked at.</summary>
public sealed record RegradeResult(string RegradeId, string Reason, IReadOnlyList<AssignmentRegrade> Assignments)
{
    public int Regraded => Assignments.Sum(a => a.Regraded);
}
