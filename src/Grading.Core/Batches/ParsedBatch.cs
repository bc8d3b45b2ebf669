using Grading.Core.Domain;

namespace Grading.Core.Batches;

/// <summary>A batch after reading and validation: what can be graded, the questions it needs, and the rows rejected.</summary>
/// <see cref="SubmissionRows"/> holds the source row of each submission, in the same order.
public sealed record ParsedBatch(
    IReadOnlyList<Submission> Submissions,
    IReadOnlyList<int> SubmissionRows,
    IReadOnlyList<Question> Questions,
    IReadOnlyList<RowError> Errors,
    int RowCount);
