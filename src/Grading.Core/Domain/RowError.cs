namespace Grading.Core.Domain;

/// <summary>
/// Why one input row was not graded. Row numbers are 1-based data rows (the CSV header is not counted); row 0 is an
/// error in the source the batch file was made from (a SAF question file, named in the message), which has no row.
/// </summary>
public sealed record RowError(int Row, string? SubmissionId, string Field, string Message);
