namespace Grading.Core.Domain;

/// <summary>A student's answer to one question, with the human grade when the batch carries one.</summary>
public sealed record Submission(
    string SubmissionId,
    string AssignmentId,
    string QuestionId,
    string Answer,
    double? HumanScore = null,
    string? HumanFeedback = null);
