using Grading.Core.Grading;
using Polly;
using Polly.Retry;

namespace Grading.Orchestration.Activities;

/// <summary>
/// When a grader fails on a chunk, the chunk is graded again answer by answer (each with a few quick retries),
/// so one answer that breaks the grader costs only its own row. If every answer fails, the grader itself is down:
/// that is rethrown so the activity's durable retry policy takes over.
/// </summary>
internal static class RowIsolation
{
    private static readonly ResiliencePipeline RowRetry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
        })
        .Build();

    public static async Task<(GraderResult?[] Results, IReadOnlyList<(int Index, string Reason)> Failures)> GradeAsync(
        IGrader grader, IReadOnlyList<GradingRequest> requests, CancellationToken cancellationToken = default)
    {
        try
        {
            var results = await grader.GradeAsync(requests, cancellationToken);
            if (results.Count != requests.Count)
            {
                throw new InvalidOperationException($"Grader '{grader.Name}' returned {results.Count} results for {requests.Count} answers.");
            }

            return (results.ToArray(), []);
        }
        catch (Exception chunkFailure) when (chunkFailure is not OperationCanceledException && requests.Count > 1)
        {
            return await GradeOneByOneAsync(grader, requests, chunkFailure, cancellationToken);
        }
    }

    private static async Task<(GraderResult?[] Results, IReadOnlyList<(int Index, string Reason)> Failures)> GradeOneByOneAsync(
        IGrader grader, IReadOnlyList<GradingRequest> requests, Exception chunkFailure, CancellationToken cancellationToken)
    {
        var results = new GraderResult?[requests.Count];
        var failures = new List<(int Index, string Reason)>();
        for (var i = 0; i < requests.Count; i++)
        {
            try
            {
                var single = await RowRetry.ExecuteAsync(
                    async (request, token) => await grader.GradeAsync([request], token), requests[i], cancellationToken);
                results[i] = single.Single();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add((i, $"{e.GetType().Name}: {e.Message}"));
            }
        }

        if (failures.Count == requests.Count)
        {
            throw new AggregateException($"Grader '{grader.Name}' failed on every answer of the chunk.", chunkFailure);
        }

        return (results, failures);
    }
}
