namespace Grading.Orchestration.Api;

/// <summary>The fields of a POST /api/batches body.</summary>
public static class StartBatchFields
{
    /// <summary>The rows inline: a JSON array of row objects (the fields of a JSONL batch line).</summary>
    public const string Rows = "rows";

    /// <summary>Or a blob of the submissions container, e.g. "quiz-1/week3.csv".</summary>
    public const string Blob = "blob";

    /// <summary>Optional: an assignment stored in the assignments container as {assignmentId}.json.</summary>
    public const string AssignmentId = "assignmentId";

    /// <summary>Optional: the assignment object inline.</summary>
    public const string Assignment = "assignment";

    /// <summary>Optional: the grader for this batch (encoder, genai, two-stage, score-head).</summary>
    public const string Grader = "grader";

    public static IReadOnlyList<string> All { get; } = [Rows, Blob, AssignmentId, Assignment, Grader];
}
