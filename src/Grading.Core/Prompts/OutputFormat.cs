namespace Grading.Core.Prompts;

/// <summary>The shape the model is asked to write its verdict in, and the parser reads.</summary>
public enum OutputFormat
{
    /// <summary><c>Criterion ID: points | reason</c> lines (with a rubric), then <c>Score: n</c> and <c>Feedback: text</c>.</summary>
    Lines,

    /// <summary>One JSON object: <c>{"criteria": [{"id", "score", "reason"}], "score": n, "feedback": "..."}</c>.</summary>
    Json,
}
