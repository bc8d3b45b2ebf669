namespace Grading.Core.Batches;

/// <summary>
/// One row as read from the file, before validation. Values are keyed by canonical field name.
/// <see cref="ReadError"/> is set when the row could not be read at all (bad JSON, invalid UTF-8).
/// </summary>
public sealed record RawRow(
    int Row,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyList<string> ReferenceAnswers,
    string? ReadErrorField = null,
    string? ReadError = null)
{
    public string? Get(string field) => Values.TryGetValue(field, out var value) ? value : null;

    /// <summary>A row that could not be read; it keeps the submissionId when one was readable, so the error can name it.</summary>
    public static RawRow Unreadable(int row, string field, string message, string? submissionId = null) =>
        new(row, submissionId is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [FieldNames.SubmissionId] = submissionId }, [], field, message);
}
