using Grading.Core.Batches.Saf;
using Grading.Core.Domain;

namespace Grading.Inference.Head;

/// <summary>A question with human-graded answers: what the head trains on and is evaluated against.</summary>
public sealed record LabelledQuestion(Question Question, IReadOnlyList<LabelledAnswer> Answers)
{
    /// <summary>The question with its tutor-scored answers; answers no tutor scored have nothing to learn or measure.</summary>
    public static LabelledQuestion FromSaf(SafQuestion question) =>
        new(question.ToQuestion(), question.Answers
            .Where(a => a.Score is not null)
            .Select(a => new LabelledAnswer(a.Id, a.Response, a.Score!.Value, a.Label, a.Feedback))
            .ToArray());
}

/// <summary>One human-graded answer. <see cref="Label"/> is the tutor's verdict when the data has one.</summary>
public sealed record LabelledAnswer(string Id, string Text, double Score, string? Label, string? Feedback)
{
    public string LabelOrDerived(double maxScore) => Label ?? GradeLabel.FromFraction(maxScore > 0 ? Score / maxScore : 0);
}
