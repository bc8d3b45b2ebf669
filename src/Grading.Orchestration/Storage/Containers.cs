namespace Grading.Orchestration.Storage;

/// <summary>The blob containers of DESIGN.md's storage layout.</summary>
public static class Containers
{
    /// <summary>submissions/{assignmentId}/{batchName}.jsonl|.csv: uploads; a new blob starts a batch.</summary>
    public const string Submissions = "submissions";

    /// <summary>assignments/{assignmentId}.json: questions, reference answers, rubric.</summary>
    public const string Assignments = "assignments";

    /// <summary>grades/{assignmentId}/{submissionId}.json: one current grade per submission.</summary>
    public const string Grades = "grades";

    /// <summary>reports/{batchId}/: results.jsonl, results.csv, errors.jsonl, summary.json.</summary>
    public const string Reports = "reports";

    /// <summary>batches/{batchId}/: the working set of a running batch (chunks, per-chunk results).</summary>
    public const string Batches = "batches";

    public static IReadOnlyList<string> All { get; } = [Submissions, Assignments, Grades, Reports, Batches];
}
