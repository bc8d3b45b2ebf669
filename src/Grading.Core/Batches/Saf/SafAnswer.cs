namespace Grading.Core.Batches.Saf;

/// <summary>One graded student answer of a SAF question file: the response, the tutor's score, verdict and feedback.</summary>
public sealed record SafAnswer(string Id, string Response, double Score, string? Label, string? Feedback);
