using Grading.Orchestration.Messages;

namespace Grading.Orchestration.Regrade;

/// <summary>
/// The stale grades of one assignment, written as a batch ready for the chunk fan-out, and why they are stale.
/// A grade can be stale for more than one reason, so the reason counts may add up to more than <see cref="PreparedBatch.Rows"/>.
/// </summary>
/// <param name="Checked">Current grades looked at.</param>
/// <param name="MissingInput">Stale grades that record no input to re-grade from (reported as rejected rows).</param>
public sealed record StaleGrades(PreparedBatch Batch, int Checked, int ModelChanged, int RubricChanged, int NeedsReview, int MissingInput);
