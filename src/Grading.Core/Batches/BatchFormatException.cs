namespace Grading.Core.Batches;

/// <summary>The whole file is unusable (not CSV or JSONL at all); nothing in it can be graded.</summary>
public sealed class BatchFormatException(string message) : Exception(message);
