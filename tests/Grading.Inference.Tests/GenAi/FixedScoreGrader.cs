using Grading.Core.Grading;

namespace Grading.Inference.Tests.GenAi;

/// <summary>A regression-head stand-in: the same score for every answer.</summary>
internal sealed class FixedScoreGrader(double score, string feedback = "") : IGrader
{
    public string Name => "fixed";

    public string ModelVersion => "1";

    public Task<IReadOnlyList<GraderResult>> GradeAsync(IReadOnlyList<GradingRequest> requests, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<GraderResult>>(requests.Select(_ => new GraderResult(score, feedback, 0.8, [])).ToList());
}
