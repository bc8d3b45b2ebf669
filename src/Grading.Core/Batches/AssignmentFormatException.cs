namespace Grading.Core.Batches;

/// <summary>An assignment file that cannot be used; the message lists every problem found.</summary>
public sealed class AssignmentFormatException(string message) : Exception(message);
