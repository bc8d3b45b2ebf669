using Grading.Core.Domain;

namespace Grading.Orchestration.Storage;

/// <summary>One chunk blob: the submissions to grade together and the questions they answer.</summary>
public sealed record GradingChunk(IReadOnlyList<Submission> Submissions, IReadOnlyList<Question> Questions, IReadOnlyList<int> Rows);
