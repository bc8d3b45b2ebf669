namespace Grading.Orchestration.Client;

/// <summary>A batch to start: the file's bytes and name, and optionally the assignment file's bytes.</summary>
public sealed record BatchRequest(string FileName, ReadOnlyMemory<byte> Content, byte[]? Assignment = null);
