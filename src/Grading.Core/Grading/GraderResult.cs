namespace Grading.Core.Grading;

/// <summary>What a grader says about one answer, before it becomes a <see cref="Domain.Grade"/>.</summary>
public sealed record GraderResult(
    double Score,
    string Feedback,
    double Confidence,
    IReadOnlyList<string> ReviewReasons,
    string? Label = null);
