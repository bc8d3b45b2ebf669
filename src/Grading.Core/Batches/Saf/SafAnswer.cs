namespace Grading.Core.Batches.Saf;

/// <summary>
/// One student answer of a SAF question file: the response, and the tutor's score, verdict and feedback. The score is
/// null for an answer no tutor has scored yet: it is graded, but not trained or evaluated on.
/// </summary>
public sealed record SafAnswer(string Id, string Response, double? Score, string? Label, string? Feedback);
