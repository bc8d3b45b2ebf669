using Grading.Core.Domain;
using Grading.Core.Grading;
using Grading.Orchestration.Activities;
using Microsoft.Extensions.Logging;

namespace Grading.Orchestration.Tests.Activities;

public sealed class ChunkLogTests
{
    private const string SecretAnswer = "My very personal answer about photosynthesis that mentions oxygen";

    private static readonly Question Question = new("q1", "Why?", ["Because."], 2);

    [Fact]
    public async Task RowFailed_GraderMessageQuotesTheAnswer_DefaultLogCarriesNoAnswerText()
    {
        var logger = new CapturingLogger();

        await GradeAndLogAsync(new ChunkLog(logger, logAnswerText: false));

        Assert.Contains(logger.Lines, line => line.Contains("row 2 (s2)", StringComparison.Ordinal) && line.Contains("InvalidOperationException", StringComparison.Ordinal));
        Assert.Contains(logger.Lines, line => line.Contains("1 graded, 1 failed", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Lines, line => line.Contains("photosynthesis", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Values, value => value.Contains("photosynthesis", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RowFailed_LogAnswerTextSet_LogCarriesTheAnswerForDebugging()
    {
        var logger = new CapturingLogger();

        await GradeAndLogAsync(new ChunkLog(logger, logAnswerText: true));

        Assert.Contains(logger.Lines, line => line.Contains(SecretAnswer, StringComparison.Ordinal));
    }

    /// <summary>What GradeChunkActivity does after grading: one line per failed row, one for the chunk.</summary>
    private static async Task GradeAndLogAsync(ChunkLog log)
    {
        var requests = new[] { Request("s1", "A fine answer."), Request("s2", SecretAnswer) };
        var (results, failures) = await RowIsolation.GradeAsync(new QuotingGrader(), requests);
        foreach (var (index, reason) in failures)
        {
            log.RowFailed("batch-1", index + 1, requests[index].Submission.SubmissionId, reason, requests[index].Submission.Answer);
        }

        log.ChunkGraded("batch-1", 0, results.Count(r => r is not null), failures.Count, 0);
    }

    private static GradingRequest Request(string id, string answer) => new(new Submission(id, "a1", Question.Id, answer), Question);

    /// <summary>Fails on long answers with a message that quotes them, as a parser error on model output might.</summary>
    private sealed class QuotingGrader : IGrader
    {
        public string Name => "quoting";

        public string ModelVersion => "1";

        public Task<IReadOnlyList<GraderResult>> GradeAsync(IReadOnlyList<GradingRequest> requests, CancellationToken cancellationToken = default)
        {
            var bad = requests.FirstOrDefault(r => r.Submission.Answer.Length > 20);
            return bad is not null
                ? throw new InvalidOperationException($"could not parse the reply to '{bad.Submission.Answer}'")
                : Task.FromResult<IReadOnlyList<GraderResult>>(requests.Select(_ => new GraderResult(1, "ok", 0.9, [])).ToList());
        }
    }

    private sealed class CapturingLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public List<string> Values { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Lines.Add(formatter(state, exception) + exception);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                Values.AddRange(values.Select(v => v.Value?.ToString() ?? ""));
            }
        }
    }
}
