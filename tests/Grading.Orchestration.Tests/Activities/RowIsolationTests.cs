using Grading.Core.Domain;
using Grading.Core.Grading;
using Grading.Orchestration.Activities;

namespace Grading.Orchestration.Tests.Activities;

public sealed class RowIsolationTests
{
    private static readonly Question Question = new("q1", "Why?", ["Because."], 2);

    [Fact]
    public async Task GradeAsync_GraderSucceeds_CallsItOnceForTheWholeChunk()
    {
        var grader = new ScriptedGrader(_ => false);

        var (results, failures) = await RowIsolation.GradeAsync(grader, Requests("a", "b", "c"));

        Assert.Equal([1.0, 1.0, 1.0], results.Select(r => r!.Score));
        Assert.Empty(failures);
        Assert.Equal(1, grader.Calls);
    }

    [Fact]
    public async Task GradeAsync_OneAnswerBreaksTheGrader_FailsOnlyThatRowAfterRetries()
    {
        var grader = new ScriptedGrader(answer => answer == "poison");

        var (results, failures) = await RowIsolation.GradeAsync(grader, Requests("a", "poison", "c"));

        Assert.NotNull(results[0]);
        Assert.Null(results[1]);
        Assert.NotNull(results[2]);
        var failure = Assert.Single(failures);
        Assert.Equal(1, failure.Index);
        Assert.Contains("poison", failure.Reason, StringComparison.Ordinal);
        // 1 chunk call + a, c once each + poison three times (first try and two retries).
        Assert.Equal(6, grader.Calls);
    }

    [Fact]
    public async Task GradeAsync_EveryAnswerFails_ThrowsSoTheDurableRetryTakesOver()
    {
        var grader = new ScriptedGrader(_ => true);

        await Assert.ThrowsAsync<AggregateException>(() => RowIsolation.GradeAsync(grader, Requests("a", "b")));
    }

    private static List<GradingRequest> Requests(params string[] answers) =>
        answers.Select((a, i) => new GradingRequest(new Submission($"s{i}", "as", "q1", a), Question)).ToList();

    private sealed class ScriptedGrader(Func<string, bool> failsOn) : IGrader
    {
        public int Calls;

        public string Name => "scripted";

        public string ModelVersion => "1";

        public Task<IReadOnlyList<GraderResult>> GradeAsync(IReadOnlyList<GradingRequest> requests, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Calls);
            var bad = requests.FirstOrDefault(r => failsOn(r.Submission.Answer));
            if (bad is not null)
            {
                throw new InvalidOperationException($"cannot grade '{bad.Submission.Answer}'");
            }

            return Task.FromResult<IReadOnlyList<GraderResult>>(requests.Select(_ => new GraderResult(1, "ok", 0.9, [])).ToList());
        }
    }
}
