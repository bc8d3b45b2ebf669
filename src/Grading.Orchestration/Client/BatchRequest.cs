namespace Grading.Orchestration.Client;

/// <summary>
/// A batch to start: the file's bytes and name, optionally the assignment file's bytes, and optionally the grader
/// for this batch (encoder, genai, two-stage, score-head); without one the host's Grading:Grader grades it.
/// </summary>
public sealed record BatchRequest(string FileName, ReadOnlyMemory<byte> Content, byte[]? Assignment = null, string? Grader = null);
