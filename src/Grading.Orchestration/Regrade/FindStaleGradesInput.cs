using Grading.Orchestration.Messages;

namespace Grading.Orchestration.Regrade;

public sealed record FindStaleGradesInput(string BatchId, string AssignmentId, bool IncludeNeedsReview, BatchSettings Settings);
