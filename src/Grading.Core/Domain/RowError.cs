namespace Grading.Core.Domain;

/// <summary>Why one input row was not graded. Row numbers are 1-based data rows (the CSV header is not counted).</summary>
public sealed record RowError(int Row, string? SubmissionId, string Field, string Message);
