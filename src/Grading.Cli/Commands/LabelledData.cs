using Grading.Core.Batches;
using Grading.Core.Batches.Saf;
using Grading.Core.Domain;
using Grading.Inference.Head;

namespace Grading.Cli.Commands;

/// <summary>Reads human-graded answers for train-head and eval: a SAF directory, or a JSONL/CSV batch with humanScore.</summary>
internal static class LabelledData
{
    public static readonly string[] Formats = ["saf", "jsonl", "csv"];

    /// <summary>Why a --format value cannot be used, or null when it names a format or was not given.</summary>
    public static string? FormatProblem(string? format) =>
        format is null || Formats.Contains(format) ? null : $"Unknown format '{format}'. Use one of: {string.Join(", ", Formats)}.";

    /// <summary>The format named with --format, else saf for a directory, else csv or jsonl by the file's extension and content.</summary>
    public static string FormatOf(string? format, string path)
    {
        if (format is not null || Directory.Exists(path))
        {
            return format ?? "saf";
        }

        if (!File.Exists(path))
        {
            throw new BatchFormatException($"'{path}' is neither a SAF directory nor a CSV or JSONL file.");
        }

        return BatchParser.DetectFormat(path, File.ReadAllBytes(path)) == BatchFormat.Csv ? "csv" : "jsonl";
    }

    /// <returns>The questions, and one line per answer or row that was skipped (with its reason).</returns>
    public static (IReadOnlyList<LabelledQuestion> Questions, IReadOnlyList<string> Skipped) Load(string format, string path, string? assignmentPath)
    {
        if (format == "saf")
        {
            var corpus = SafReader.ReadDirectory(path);
            var unscored = corpus.Questions.SelectMany(question => question.Answers
                .Where(answer => answer.Score is null)
                .Select(answer => $"question {question.Id}: answer {answer.Id}: score: no tutor score; not used to train or evaluate"));
            return (corpus.Questions.Select(LabelledQuestion.FromSaf).ToArray(), [.. corpus.Errors.Select(e => e.ToString()), .. unscored]);
        }

        if (!File.Exists(path))
        {
            throw new BatchFormatException($"The file '{path}' does not exist.");
        }

        if (assignmentPath is not null && !File.Exists(assignmentPath))
        {
            throw new AssignmentFormatException($"The assignment file '{assignmentPath}' does not exist.");
        }

        var assignment = assignmentPath is null ? null : AssignmentReader.Read(File.ReadAllBytes(assignmentPath), Path.GetFileNameWithoutExtension(assignmentPath));
        var batch = BatchParser.Parse(File.ReadAllBytes(path), format == "csv" ? BatchFormat.Csv : BatchFormat.Jsonl, assignment, Path.GetFileNameWithoutExtension(path));
        var skipped = batch.Errors.Select(e => $"row {e.Row}{(e.SubmissionId is null ? "" : $" ({e.SubmissionId})")}: {e.Field}: {e.Message}").ToList();
        var questions = new List<LabelledQuestion>();
        foreach (var question in batch.Questions)
        {
            var answers = new List<LabelledAnswer>();
            foreach (var submission in batch.Submissions.Where(s => s.QuestionId == question.Id))
            {
                if (submission.HumanScore is not { } score)
                {
                    skipped.Add($"submission {submission.SubmissionId}: humanScore: required to train or evaluate");
                    continue;
                }

                answers.Add(new LabelledAnswer(submission.SubmissionId, submission.Answer, score, null, submission.HumanFeedback));
            }

            if (answers.Count > 0)
            {
                // Graded examples of the assignment are training data too; grading them again would measure nothing.
                questions.Add(new LabelledQuestion(question with { Examples = null }, answers));
            }
        }

        return (questions, skipped);
    }

    public static void ReportSkipped(IReadOnlyList<string> skipped)
    {
        foreach (var line in skipped.Take(20))
        {
            Console.Error.WriteLine($"grading: skipped {line}");
        }

        if (skipped.Count > 20)
        {
            Console.Error.WriteLine($"grading: ... and {skipped.Count - 20} more skipped");
        }
    }
}
