namespace Grading.Core.Batches;

/// <summary>Column and property names of a batch row. Matching ignores case, '_' and '-', so submission_id works too.</summary>
public static class FieldNames
{
    public const string SubmissionId = "submissionId";
    public const string AssignmentId = "assignmentId";
    public const string QuestionId = "questionId";
    public const string Answer = "answer";
    public const string HumanScore = "humanScore";
    public const string HumanFeedback = "humanFeedback";
    public const string Question = "question";
    public const string ReferenceAnswer = "referenceAnswer";
    public const string ReferenceAnswers = "referenceAnswers";
    public const string MaxScore = "maxScore";

    /// <summary>The whole row, for errors that no single field explains.</summary>
    public const string Row = "row";

    public static IReadOnlyList<string> All { get; } =
    [
        SubmissionId, AssignmentId, QuestionId, Answer, HumanScore, HumanFeedback,
        Question, ReferenceAnswer, ReferenceAnswers, MaxScore,
    ];

    /// <summary>The canonical name for a header or property, or null when the batch format does not know it.</summary>
    public static string? Canonical(string name)
    {
        var key = Normalize(name);
        return All.FirstOrDefault(f => Normalize(f) == key);
    }

    private static string Normalize(string name) =>
        new string(name.Where(c => c is not ('_' or '-' or ' ')).ToArray()).Trim().ToLowerInvariant();
}
