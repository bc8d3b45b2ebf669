using Grading.Core.Domain;

namespace Grading.Orchestration.Storage;

/// <summary>
/// What grading one chunk produced, in one blob: the current grade of each graded row and the rows the grader
/// failed on even one by one. One blob, so that a retried chunk replaces both at once and the fan-in reads one.
/// </summary>
public sealed record ChunkResults(IReadOnlyList<Grade> Grades, IReadOnlyList<RowError> Failures);
