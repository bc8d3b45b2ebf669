using System.Diagnostics;
using Grading.Core.Domain;
using Grading.Core.Grading;
using Grading.Inference.Hosting;
using Grading.Orchestration.Messages;
using Grading.Orchestration.Storage;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Grading.Orchestration.Activities;

/// <summary>
/// Grades one chunk with the grader and writes each grade. It may run more than once (retries, a worker that
/// died mid-chunk), so every write is idempotent: the same input leaves the same blobs.
/// </summary>
[DurableTask(Name)]
public sealed class GradeChunkActivity(GraderCatalog graders, BatchWorkStore work, GradeStore grades, TimeProvider clock, ILogger<GradeChunkActivity> logger)
    : TaskActivity<GradeChunkInput, ChunkOutcome>
{
    public const string Name = "GradeChunk";

    public override async Task<ChunkOutcome> RunAsync(TaskActivityContext context, GradeChunkInput input)
    {
        var grader = graders.For(input.Grader);
        var chunk = await work.ReadChunkAsync(input.BatchId, input.ChunkIndex);
        var questions = chunk.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var requests = chunk.Submissions.Select(s => new GradingRequest(s, questions[s.QuestionId])).ToList();

        var stopwatch = Stopwatch.StartNew();
        var (results, failures) = await RowIsolation.GradeAsync(grader, requests);
        var perAnswer = stopwatch.Elapsed / Math.Max(1, requests.Count);

        var gradedAt = clock.GetUtcNow();
        var graded = Enumerable.Range(0, requests.Count).Where(i => results[i] is not null).ToList();
        var current = new Grade[graded.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, graded.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (slot, cancellationToken) =>
        {
            var i = graded[slot];
            var grade = GradeFactory.Create(requests[i], results[i]!, grader, input.ReviewBelowConfidence, perAnswer, gradedAt);
            current[slot] = (await grades.WriteAsync(grade, cancellationToken)).Current;
        });

        var rowErrors = failures
            .Select(f => new RowError(chunk.Rows[f.Index], requests[f.Index].Submission.SubmissionId, "grading", $"grading failed after retries: {f.Reason}"))
            .ToList();
        await work.WriteChunkFailuresAsync(input.BatchId, input.ChunkIndex, rowErrors);
        await work.WriteChunkGradesAsync(input.BatchId, input.ChunkIndex, current);
        // Which process graded which chunk: with several hosts on one task hub this shows how the work spread.
        logger.LogInformation(
            "GradeChunk {BatchId}/{ChunkIndex}: {Graded} graded, {Failed} failed, by process {ProcessId} on {Machine}",
            input.BatchId, input.ChunkIndex, current.Length, rowErrors.Count, Environment.ProcessId, Environment.MachineName);
        return new ChunkOutcome(input.ChunkIndex, current.Length, rowErrors.Count, current.Count(g => g.NeedsReview));
    }
}
