using Grading.Core.Domain;

namespace Grading.Core.Grading;

/// <summary>Scores a chunk of answers at once. Implementations batch internally; results come back in request order.</summary>
public interface IGrader
{
    /// <summary>A short stable name written into every grade, e.g. "minilm-head".</summary>
    string Name { get; }

    /// <summary>The version of the model (weights, head, prompt) behind the grades; re-grading keys on it.</summary>
    string ModelVersion { get; }

    Task<IReadOnlyList<GraderResult>> GradeAsync(IReadOnlyList<GradingRequest> requests, CancellationToken cancellationToken = default);
}
