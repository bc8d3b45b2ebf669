using System.Diagnostics;
using Grading.Core.Domain;
using Grading.Core.Grading;
using Grading.Inference.Hosting;
using Grading.Orchestration.Messages;
using Grading.Orchestration.Options;
using Grading.Orchestration.Storage;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grading.Orchestration.Activities;

/// <summary>
/// Grades one chunk with the grader and writes each grade. It may run more than once (retries, a worker that
/// died mid-chunk), so every write is idempotent: the same input leaves the same blobs.
/// </summary>
[DurableTask(Name)]
public sealed class GradeChunkActivity(
    GraderCatalog graders, GraderGate gate, BatchWorkStore work, GradeStore grades, TimeProvider clock, ILogger<GradeChunkActivity> logger, IOptions<GradingOptions> options)
    : TaskActivity<GradeChunkInput, ChunkOutcome>
{
    public const string Name = "GradeChunk";

    public override async Task<ChunkOutcome> RunAsync(TaskActivityContext context, GradeChunkInput input)
    {
        var grader = graders.For(input.Grader);
        var chunk = await work.ReadChunkAsync(input.BatchId, input.ChunkIndex);
        var questions = chunk.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var requests = chunk.Submissions.Select(s => new GradingRequest(s, questions[s.QuestionId])).ToList();

        GraderResult?[] results;
        IReadOnlyList<(int Index, string Reason)> failures;
        TimeSpan perAnswer;
        using (await gate.EnterAsync())
        {
            var stopwatch = Stopwatch.StartNew();
            (results, failures) = await RowIsolation.GradeAsync(grader, requests);
            perAnswer = stopwatch.Elapsed / Math.Max(1, requests.Count);
        }

        var gradedAt = clock.GetUtcNow();
        var graded = Enumerable.Range(0, requests.Count).Where(i => results[i] is not null).ToList();
        var current = new Grade[graded.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, graded.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (slot, cancellationToken) =>
        {
            var i = graded[slot];
            var grade = GradeFactory.Create(requests[i], results[i]!, grader, input.ReviewBelowConfidence, perAnswer, gradedAt);
            var source = new GradeSource(input.BatchId, input.ChunkIndex, i);
            current[slot] = (await grades.WriteAsync(grade, source, markReviewed: input.Regrade, cancellationToken)).Current;
        });

        var rowErrors = failures
            .Select(f => new RowError(chunk.Rows[f.Index], requests[f.Index].Submission.SubmissionId, "grading", $"grading failed after retries: {f.Reason}"))
            .ToList();
        await work.WriteChunkResultsAsync(input.BatchId, input.ChunkIndex, new ChunkResults(current, rowErrors));

        var log = new ChunkLog(logger, options.Value.LogAnswerText);
        foreach (var failure in failures)
        {
            var submission = requests[failure.Index].Submission;
            log.RowFailed(input.BatchId, chunk.Rows[failure.Index], submission.SubmissionId, failure.Reason, submission.Answer);
        }

        var outcome = new ChunkOutcome(input.ChunkIndex, current.Length, rowErrors.Count, current.Count(g => g.NeedsReview));
        log.ChunkGraded(input.BatchId, input.ChunkIndex, outcome.Graded, outcome.Failed, outcome.NeedsReview);
        return outcome;
    }
}
