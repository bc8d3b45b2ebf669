namespace Grading.Core.Prompts;

/// <summary>
/// What the parser made of a model's reply. <see cref="Score"/> is null when no score could be read: the grader then
/// retries or sends the answer to review, and never fills in a number of its own.
/// </summary>
public sealed record ParsedModelOutput(
    double? Score,
    string Feedback,
    IReadOnlyList<CriterionScore> Criteria,
    IReadOnlyList<string> ReviewReasons,
    string? FailureReason)
{
    public bool Succeeded => Score is not null;

    public static ParsedModelOutput Failed(string reason) => new(null, "", [], [], reason);
}
