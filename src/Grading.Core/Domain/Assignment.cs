namespace Grading.Core.Domain;

/// <summary>The questions one batch of submissions answers.</summary>
public sealed record Assignment(string Id, IReadOnlyList<Question> Questions, string? Title = null)
{
    public Question? FindQuestion(string questionId) =>
        Questions.FirstOrDefault(q => string.Equals(q.Id, questionId, StringComparison.Ordinal));
}
