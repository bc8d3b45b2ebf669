using Grading.Core.Batches;
using Grading.Core.Domain;
using Grading.Core.Grading;
using Grading.Inference.Hosting;
using Grading.Orchestration.Messages;
using Grading.Orchestration.Storage;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Grading.Orchestration.Regrade;

/// <summary>
/// Finds the grades of one assignment made by another model version or under another rubric than the current ones
/// (and, when asked, those flagged needsReview that no re-grade has seen yet), and writes their answers, with the
/// assignment's current questions, as the chunks of a batch for the GradeChunk fan-out.
/// Idempotent: it rewrites the same chunk blobs from the same grades.
/// </summary>
[DurableTask(Name)]
public sealed class FindStaleGradesActivity(
    GraderCatalog graders,
    GradeStore grades,
    BatchWorkStore work,
    GradingStorage storage,
    TimeProvider clock,
    ILogger<FindStaleGradesActivity> logger)
    : TaskActivity<FindStaleGradesInput, StaleGrades>
{
    public const string Name = "FindStaleGrades";

    private const string MissingInputMessage =
        "cannot re-grade: the grade does not record where its answer is kept (graded before re-grading was supported, or its batch's working files were deleted)";

    public override async Task<StaleGrades> RunAsync(TaskActivityContext context, FindStaleGradesInput input)
    {
        await storage.EnsureContainersAsync();
        var grader = graders.For(input.Settings.Grader);
        var current = await ReadCurrentQuestionsAsync(input.AssignmentId);
        var chunks = new Dictionary<(string BatchId, int Index), GradingChunk?>();

        var selected = new List<(Submission Submission, Question Question, int Row)>();
        var missing = new List<RowError>();
        int checkedCount = 0, stale = 0, modelChanged = 0, rubricChanged = 0, needsReview = 0;
        await foreach (var stored in grades.ListCurrentAsync(input.AssignmentId))
        {
            checkedCount++;
            var (submission, gradedQuestion) = await FindInputAsync(stored, chunks);
            var metadata = stored.Metadata;
            var questionId = submission?.QuestionId;
            if (metadata is null || questionId is null)
            {
                // A grade without metadata (written before grades carried it): the grade itself says what it was made with.
                var grade = await grades.TryReadAsync(stored.AssignmentId, stored.SubmissionId);
                if (grade is null)
                {
                    continue;
                }

                metadata ??= GradeBlobMetadata.Of(grade, source: null);
                questionId ??= grade.QuestionId;
            }

            var question = current?.FindQuestion(questionId) ?? gradedQuestion;
            var isModelChanged = metadata.ModelVersion != grader.ModelVersion;
            var isRubricChanged = question is not null && metadata.RubricHash != RubricHash.Of(question);
            var isForReview = input.IncludeNeedsReview && metadata.NeedsReview && metadata.ReviewedHash != metadata.InputHash;
            if (!isModelChanged && !isRubricChanged && !isForReview)
            {
                continue;
            }

            stale++;
            modelChanged += isModelChanged ? 1 : 0;
            rubricChanged += isRubricChanged ? 1 : 0;
            needsReview += isForReview ? 1 : 0;
            if (submission is null || question is null)
            {
                missing.Add(new RowError(stale, stored.SubmissionId, FieldNames.Answer, MissingInputMessage));
            }
            else
            {
                selected.Add((submission, question, stale));
            }
        }

        var chunkSize = input.Settings.ChunkSize;
        var chunkCount = (selected.Count + chunkSize - 1) / chunkSize;
        for (var index = 0; index < chunkCount; index++)
        {
            var part = selected.Skip(index * chunkSize).Take(chunkSize).ToList();
            var questions = part.Select(p => p.Question).DistinctBy(q => q.Id).ToList();
            await work.WriteChunkAsync(input.BatchId, index, new GradingChunk(part.Select(p => p.Submission).ToList(), questions, part.Select(p => p.Row).ToList()));
        }

        await work.WriteRejectedAsync(input.BatchId, missing);
        logger.LogInformation(
            "Re-grade {BatchId}: {Checked} grades of {AssignmentId} checked, {Stale} stale ({Model} model, {Rubric} rubric, {Review} review), {Missing} without input",
            input.BatchId, checkedCount, input.AssignmentId, stale, modelChanged, rubricChanged, needsReview, missing.Count);
        var batch = new PreparedBatch(input.BatchId, input.AssignmentId, stale, selected.Count, missing.Count, chunkSize, chunkCount, clock.GetUtcNow());
        return new StaleGrades(batch, checkedCount, modelChanged, rubricChanged, needsReview, missing.Count);
    }

    private async Task<Assignment?> ReadCurrentQuestionsAsync(string assignmentId)
    {
        var content = await storage.TryDownloadAsync(Containers.Assignments, $"{assignmentId}.json");
        return content is null ? null : AssignmentReader.Read(content.ToMemory().Span, fallbackId: assignmentId);
    }

    /// <summary>The answer as it was graded, from the chunk blob the grade's metadata points to; nulls when that is gone.</summary>
    private async Task<(Submission? Submission, Question? Question)> FindInputAsync(
        StoredGrade stored, Dictionary<(string BatchId, int Index), GradingChunk?> chunks)
    {
        if (stored.Metadata?.Source is not { } source)
        {
            return (null, null);
        }

        var key = (source.BatchId, source.ChunkIndex);
        if (!chunks.TryGetValue(key, out var chunk))
        {
            chunk = await work.TryReadChunkAsync(source.BatchId, source.ChunkIndex);
            chunks[key] = chunk;
        }

        if (chunk is null || source.Position < 0 || source.Position >= chunk.Submissions.Count
            || chunk.Submissions[source.Position].SubmissionId != stored.SubmissionId)
        {
            return (null, null);
        }

        var submission = chunk.Submissions[source.Position];
        return (submission, chunk.Questions.FirstOrDefault(q => q.Id == submission.QuestionId));
    }
}
