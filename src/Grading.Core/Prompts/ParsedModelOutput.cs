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

    /// <summary>
    /// Where in the reply (character ranges) the number or numbers the score was read from stand: the total, or each
    /// criterion's points when their sum is the score. A decoder grader weighs the model's certainty at these tokens.
    /// </summary>
    public IReadOnlyList<Range> ScoreSpans { get; init; } = [];

    /// <summary>The score is not the number the model wrote: clamped into range, rescaled, or replaced by a criteria sum.</summary>
    public bool ScoreAdjusted { get; init; }

    public static ParsedModelOutput Failed(string reason) => new(null, "", [], [], reason);
}
