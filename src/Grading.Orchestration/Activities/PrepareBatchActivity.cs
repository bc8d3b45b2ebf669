using Grading.Core.Batches;
using Grading.Core.Domain;
using Grading.Orchestration.Messages;
using Grading.Orchestration.Storage;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Grading.Orchestration.Activities;

/// <summary>Reads the uploaded batch, validates every row, and writes the chunk blobs the graders will read.</summary>
[DurableTask(Name)]
public sealed class PrepareBatchActivity(GradingStorage storage, BatchWorkStore work, ILogger<PrepareBatchActivity> logger)
    : TaskActivity<GradeBatchInput, PreparedBatch>
{
    public const string Name = "PrepareBatch";

    public override async Task<PreparedBatch> RunAsync(TaskActivityContext context, GradeBatchInput input)
    {
        await storage.EnsureContainersAsync();
        var assignment = input.AssignmentBlob is null
            ? null
            : AssignmentReader.Read(
                (await storage.DownloadAsync(Containers.Assignments, input.AssignmentBlob)).ToMemory().Span,
                fallbackId: input.DefaultAssignmentId);

        var content = input.SubmissionsETag is { } etag
            ? await storage.DownloadAsync(Containers.Submissions, input.SubmissionsBlob, new Azure.ETag(etag))
            : await storage.DownloadAsync(Containers.Submissions, input.SubmissionsBlob);
        var bytes = content.ToMemory().Span;
        var format = BatchParser.DetectFormat(input.SubmissionsBlob, bytes);
        var parsed = BatchParser.Parse(bytes, format, assignment, input.DefaultAssignmentId, new BatchLimits { MaxAnswerLength = input.Settings.MaxAnswerLength });

        var chunkSize = input.Settings.ChunkSize;
        var chunkCount = (parsed.Submissions.Count + chunkSize - 1) / chunkSize;
        var questions = parsed.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        await Parallel.ForEachAsync(Enumerable.Range(0, chunkCount), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (index, cancellationToken) =>
        {
            var submissions = parsed.Submissions.Skip(index * chunkSize).Take(chunkSize).ToList();
            var rows = parsed.SubmissionRows.Skip(index * chunkSize).Take(chunkSize).ToList();
            var chunkQuestions = submissions.Select(s => s.QuestionId).Distinct().Select(id => questions[id]).ToList();
            await work.WriteChunkAsync(input.BatchId, index, new GradingChunk(submissions, chunkQuestions, rows), cancellationToken);
        });

        // What the client could not make into rows (a SAF directory's unreadable files) counts as rejected rows, first.
        var sourceErrors = await work.ReadSourceErrorsAsync(input.SourceErrorsBlob);
        IReadOnlyList<RowError> rejected = [.. sourceErrors, .. parsed.Errors];
        await work.WriteRejectedAsync(input.BatchId, rejected);

        var assignmentId = assignment?.Id ?? parsed.Submissions.FirstOrDefault()?.AssignmentId ?? input.DefaultAssignmentId;
        var rowCount = sourceErrors.Count + parsed.RowCount;
        logger.LogInformation(
            "Batch {BatchId}: {Rows} rows, {Valid} valid, {Rejected} rejected, {Chunks} chunks",
            input.BatchId, rowCount, parsed.Submissions.Count, rejected.Count, chunkCount);
        return new PreparedBatch(input.BatchId, assignmentId, rowCount, parsed.Submissions.Count, rejected.Count, chunkSize, chunkCount, DateTimeOffset.UtcNow);
    }
}
