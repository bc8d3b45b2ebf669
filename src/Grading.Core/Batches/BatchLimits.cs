namespace Grading.Core.Batches;

/// <summary>Bounds on what one row may hold.</summary>
public sealed record BatchLimits
{
    public static BatchLimits Default { get; } = new();

    /// <summary>Longest answer accepted, in characters (UTF-16 code units).</summary>
    public int MaxAnswerLength { get; init; } = 20_000;

    /// <summary>Longest question or reference answer accepted inline, in characters.</summary>
    public int MaxQuestionLength { get; init; } = 20_000;
}
