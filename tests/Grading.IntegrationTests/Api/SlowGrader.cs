using Grading.Core.Grading;

namespace Grading.IntegrationTests.Api;

/// <summary>A grader that takes its time per chunk, so a batch is still running when a test cancels it.</summary>
internal sealed class SlowGrader(TimeSpan perChunk) : IGrader
{
    public string Name => "slow-test";

    public string ModelVersion => "slow-1";

    public async Task<IReadOnlyList<GraderResult>> GradeAsync(IReadOnlyList<GradingRequest> requests, CancellationToken cancellationToken = default)
    {
        await Task.Delay(perChunk, cancellationToken);
        return requests.Select(r => new GraderResult(r.Question.MaxScore / 2, "half marks", 0.9, [])).ToList();
    }
}
