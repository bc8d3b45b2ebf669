using Grading.Core.Domain;

namespace Grading.Core.Batches.Saf;

/// <summary>
/// One SAF question file. SAF v2 has no max-score field, so <see cref="MaxScore"/> is the highest score a tutor gave
/// any answer of the question (<see cref="MaxScoreSource"/> says so wherever it is shown).
/// </summary>
public sealed record SafQuestion(string Id, string Text, IReadOnlyList<string> ReferenceAnswers, IReadOnlyList<SafAnswer> Answers)
{
    public const string MaxScoreSource = "SAF has no max score: maxScore is the question's highest observed score";

    public double MaxScore => Answers.Max(answer => answer.Score) ?? 0;

    /// <summary>The question as the graders see it, optionally with graded examples.</summary>
    public Question ToQuestion(IReadOnlyList<GradedExample>? examples = null) =>
        new(Id, Text, ReferenceAnswers, MaxScore, Examples: examples);

    /// <summary>The answers as submissions, carrying the tutor's grade where there is one.</summary>
    public IEnumerable<Submission> ToSubmissions(string assignmentId) =>
        Answers.Select(answer => new Submission(answer.Id, assignmentId, Id, answer.Response, answer.Score, answer.Feedback));
}
