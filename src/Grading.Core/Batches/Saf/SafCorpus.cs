using Grading.Core.Domain;

namespace Grading.Core.Batches.Saf;

/// <summary>The questions of a SAF directory, and the answers or files that could not be read (each named).</summary>
public sealed record SafCorpus(IReadOnlyList<SafQuestion> Questions, IReadOnlyList<SafReadError> Errors)
{
    public int AnswerCount => Questions.Sum(question => question.Answers.Count);
}

/// <summary>Why one file, or one answer in it, was skipped: the file, the answer id when known, the field and the reason.</summary>
public sealed record SafReadError(string File, string? AnswerId, string Field, string Message)
{
    public override string ToString() => AnswerId is null ? $"{File}: {Field}: {Message}" : $"{File}: answer {AnswerId}: {Field}: {Message}";

    /// <summary>As a batch's rejected row: row 0 (no row of the batch file), the answer id, and the file in the message.</summary>
    public RowError ToRowError() => new(0, AnswerId, Field, $"{File}: {Message}");
}
