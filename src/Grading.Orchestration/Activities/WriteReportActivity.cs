using Grading.Core.Domain;
using Grading.Core.Reports;
using Grading.Core.Reports.Html;
using Grading.Inference.Hosting;
using Grading.Orchestration.Messages;
using Grading.Orchestration.Storage;
using Microsoft.DurableTask;

namespace Grading.Orchestration.Activities;

/// <summary>Fan-in: gathers every chunk's grades and every row error into reports/{batchId}/.</summary>
[DurableTask(Name)]
public sealed class WriteReportActivity(GraderCatalog graders, BatchWorkStore work, ReportStore reports, TimeProvider clock)
    : TaskActivity<WriteReportInput, BatchResult>
{
    public const string Name = "WriteReport";

    public override async Task<BatchResult> RunAsync(TaskActivityContext context, WriteReportInput input)
    {
        var batch = input.Batch;
        var failedChunks = input.FailedChunks.ToDictionary(f => f.ChunkIndex);
        // Each chunk's files are read at once (in order of chunks afterwards): read one by one, a 2,000-answer batch
        // spent seconds here in round trips while the grader sat idle.
        var chunks = new (IReadOnlyList<Grade> Grades, IReadOnlyList<RowError> Errors)[batch.ChunkCount];
        await Parallel.ForEachAsync(Enumerable.Range(0, batch.ChunkCount), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (index, cancellationToken) =>
        {
            var results = failedChunks.ContainsKey(index) ? null : await work.TryReadChunkResultsAsync(batch.BatchId, index, cancellationToken);
            if (results is not null)
            {
                chunks[index] = (results.Grades, results.Failures);
                return;
            }

            var reason = failedChunks.TryGetValue(index, out var failure) ? failure.Reason : "no grades were recorded for this chunk";
            var chunk = await work.ReadChunkAsync(batch.BatchId, index, cancellationToken);
            chunks[index] = ([], chunk.Submissions.Select((s, i) => new RowError(chunk.Rows[i], s.SubmissionId, "grading", $"grading failed after retries: {reason}")).ToList());
        });

        var grades = new List<Grade>(batch.Submissions);
        var errors = new List<RowError>(await work.ReadRejectedAsync(batch.BatchId));
        foreach (var (chunkGrades, chunkErrors) in chunks)
        {
            grades.AddRange(chunkGrades);
            errors.AddRange(chunkErrors);
        }

        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        var grader = graders.For(input.Grader);
        var summary = BatchSummaryBuilder.Build(
            batch.BatchId,
            batch.AssignmentId,
            batch.Rows,
            grades,
            rejected: batch.Rejected,
            failed: errors.Count - batch.Rejected,
            grader.Name,
            grader.ModelVersion,
            batch.StartedAt,
            clock.GetUtcNow());

        await reports.WriteAsync(batch.BatchId, ResultFiles.ResultsJsonl, ResultFiles.ToJsonl(grades));
        await reports.WriteAsync(batch.BatchId, ResultFiles.ResultsCsv, ResultFiles.GradesToCsv(grades));
        await reports.WriteAsync(batch.BatchId, ResultFiles.ErrorsJsonl, ResultFiles.ToJsonl(errors));
        await reports.WriteAsync(batch.BatchId, ResultFiles.SummaryJson, ResultFiles.ToJson(summary));
        await reports.WriteAsync(batch.BatchId, ResultFiles.ReportHtml, HtmlReport.ToBytes(summary, grades, errors));
        return new BatchResult(summary, $"{Containers.Reports}/{ReportStore.Prefix(batch.BatchId)}");
    }
}
