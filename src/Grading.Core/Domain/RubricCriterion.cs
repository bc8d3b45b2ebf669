namespace Grading.Core.Domain;

/// <summary>One part of a rubric and the points it is worth.</summary>
public sealed record RubricCriterion(string Id, string Description, double Points);
