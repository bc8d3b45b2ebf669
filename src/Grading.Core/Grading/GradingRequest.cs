using Grading.Core.Domain;

namespace Grading.Core.Grading;

/// <summary>One answer together with the question it answers.</summary>
public sealed record GradingRequest(Submission Submission, Question Question);
