namespace Grading.Core.Domain;

/// <summary>An answer a teacher already graded, used to anchor the score scale and the feedback style.</summary>
public sealed record GradedExample(string Answer, double Score, string? Feedback = null);
