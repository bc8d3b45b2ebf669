using Grading.Core.Domain;

namespace Grading.Orchestration.Client;

/// <summary>
/// A batch to start: the file's bytes and name, optionally the assignment file's bytes, and optionally the grader
/// for this batch (encoder, genai, two-stage, score-head); without one the host's Grading:Grader grades it.
/// <paramref name="SourceErrors"/> are what could not be made into rows of the file (a SAF directory's unreadable files
/// and answers): the batch reports them with its rejected rows, so its errors.jsonl and summary tell the whole story.
/// </summary>
public sealed record BatchRequest(
    string FileName, ReadOnlyMemory<byte> Content, byte[]? Assignment = null, string? Grader = null, IReadOnlyList<RowError>? SourceErrors = null);
