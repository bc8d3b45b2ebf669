namespace Grading.Core.Prompts;

/// <summary>The points a model gave one rubric criterion, and its one-line reason.</summary>
public sealed record CriterionScore(string Id, double Score, string Reason);
