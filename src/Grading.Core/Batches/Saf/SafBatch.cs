using System.Text;
using System.Text.Json;
using Grading.Core.Domain;
using Grading.Core.Serialization;

namespace Grading.Core.Batches.Saf;

/// <summary>
/// A SAF corpus as a batch the grading pipeline takes: its questions as the assignment, and its answers as JSON Lines
/// rows carrying each tutor's score and feedback, so the batch's summary and report show agreement with the tutors.
/// </summary>
public static class SafBatch
{
    /// <summary>
    /// A question the pipeline cannot grade (no reference answer, or no answer scored above 0, which leaves SAF's
    /// observed max score at 0) is left out with its answers and named in <see cref="SafBatchFiles.Skipped"/>: one bad
    /// question file must not stop the others.
    /// </summary>
    public static SafBatchFiles From(SafCorpus corpus, string assignmentId)
    {
        var questions = new List<Question>();
        var skipped = new List<SafReadError>();
        var rows = new StringBuilder();
        foreach (var safQuestion in corpus.Questions)
        {
            var question = safQuestion.ToQuestion();
            var problems = AssignmentReader.ProblemsOf(question).ToArray();
            if (problems.Length > 0)
            {
                skipped.Add(new SafReadError(safQuestion.Id, null, "question", $"{string.Join("; ", problems)}; its {safQuestion.Answers.Count} answers are not graded"));
                continue;
            }

            questions.Add(question);
            foreach (var submission in safQuestion.ToSubmissions(assignmentId))
            {
                // A submission's JSON names are the batch fields: submissionId, assignmentId, questionId, answer, humanScore, humanFeedback.
                rows.Append(JsonSerializer.Serialize(submission, GradingJson.Options)).Append('\n');
            }
        }

        if (questions.Count == 0)
        {
            throw new BatchFormatException(corpus.Questions.Count == 0
                ? "The SAF directory holds no readable question file."
                : $"No question of the SAF directory can be graded: {string.Join("; ", skipped)}.");
        }

        var assignment = new Assignment(assignmentId, questions, $"SAF questions ({SafQuestion.MaxScoreSource})");
        return new SafBatchFiles(Encoding.UTF8.GetBytes(rows.ToString()), AssignmentReader.Write(assignment), skipped);
    }
}

/// <summary>A SAF corpus as batch files: JSON Lines rows, the assignment JSON, and the questions left out.</summary>
public sealed record SafBatchFiles(byte[] Rows, byte[] Assignment, IReadOnlyList<SafReadError> Skipped);
