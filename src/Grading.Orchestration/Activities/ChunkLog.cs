using Microsoft.Extensions.Logging;

namespace Grading.Orchestration.Activities;

/// <summary>
/// What the grading activity logs. Students' answers are personal data and exam content, so by default a log line names
/// the batch, row and submission and the kind of failure, never the answer or a grader message (which may quote it);
/// <c>Grading:LogAnswerText</c> lifts that for debugging.
/// </summary>
public sealed partial class ChunkLog(ILogger logger, bool logAnswerText)
{
    public const string Withheld = "message withheld: it may quote the answer; set Grading:LogAnswerText to log it";

    public void ChunkGraded(string batchId, int chunkIndex, int graded, int failed, int flagged) =>
        LogChunkGraded(logger, batchId, chunkIndex, graded, failed, flagged, Environment.ProcessId, Environment.MachineName);

    /// <param name="reason">The failure as <see cref="RowIsolation"/> reports it: "ExceptionType: message".</param>
    public void RowFailed(string batchId, int row, string submissionId, string reason, string answer)
    {
        if (logAnswerText)
        {
            LogRowFailedWithText(logger, batchId, row, submissionId, reason, answer);
            return;
        }

        var colon = reason.IndexOf(':', StringComparison.Ordinal);
        var kind = colon > 0 ? reason[..colon] : "grading error";
        LogRowFailed(logger, batchId, row, submissionId, kind, Withheld);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "GradeChunk {BatchId}/{ChunkIndex}: {Graded} graded, {Failed} failed, {Flagged} flagged for review, by process {ProcessId} on {Machine}")]
    private static partial void LogChunkGraded(ILogger logger, string batchId, int chunkIndex, int graded, int failed, int flagged, int processId, string machine);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId} row {Row} ({SubmissionId}): grading failed after retries ({FailureKind}; {Detail})")]
    private static partial void LogRowFailed(ILogger logger, string batchId, int row, string submissionId, string failureKind, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId} row {Row} ({SubmissionId}): grading failed after retries: {Reason}; answer: {Answer}")]
    private static partial void LogRowFailedWithText(ILogger logger, string batchId, int row, string submissionId, string reason, string answer);
}
