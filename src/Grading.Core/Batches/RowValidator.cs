using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Grading.Core.Domain;

namespace Grading.Core.Batches;

/// <summary>Turns raw rows into submissions and questions, naming the row and field of every problem.</summary>
internal sealed class RowValidator(Assignment? assignment, string defaultAssignmentId, BatchLimits limits)
{
    /// <summary>Everything but the control characters other than tab, line feed and carriage return.</summary>
    private static readonly SearchValues<char> NonControl = SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r').ToArray());

    private readonly Dictionary<string, (Question Question, int Row)> inlineQuestions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> firstRowOfSubmission = new(StringComparer.Ordinal);

    public ParsedBatch Validate(IReadOnlyList<RawRow> rows)
    {
        var submissions = new List<Submission>();
        var submissionRows = new List<int>();
        var errors = new List<RowError>();
        var questionsUsed = new Dictionary<string, Question>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.ReadError is not null)
            {
                var knownId = row.Get(FieldNames.SubmissionId)?.Trim();
                errors.Add(new RowError(row.Row, Identifiers.IsValid(knownId) ? knownId : null, row.ReadErrorField ?? FieldNames.Row, row.ReadError));
                continue;
            }

            var outcome = ValidateRow(row);
            if (outcome.Error is not null)
            {
                errors.Add(outcome.Error);
                continue;
            }

            submissions.Add(outcome.Submission!);
            submissionRows.Add(row.Row);
            questionsUsed.TryAdd(outcome.Question!.Id, outcome.Question);
        }

        return new ParsedBatch(submissions, submissionRows, questionsUsed.Values.ToList(), errors, rows.Count);
    }

    private (Submission? Submission, Question? Question, RowError? Error) ValidateRow(RawRow row)
    {
        var submissionId = row.Get(FieldNames.SubmissionId)?.Trim();
        RowError Fail(string field, string message) => new(row.Row, Identifiers.IsValid(submissionId) ? submissionId : null, field, message);

        if (string.IsNullOrEmpty(submissionId))
        {
            return (null, null, Fail(FieldNames.SubmissionId, "required field is missing"));
        }

        if (!Identifiers.IsValid(submissionId))
        {
            return (null, null, Fail(FieldNames.SubmissionId, $"'{Shorten(submissionId)}' is not a valid id: use {Identifiers.Describe}"));
        }

        var assignmentId = Optional(row, FieldNames.AssignmentId) ?? assignment?.Id ?? defaultAssignmentId;
        if (!Identifiers.IsValid(assignmentId))
        {
            return (null, null, Fail(FieldNames.AssignmentId, $"'{Shorten(assignmentId)}' is not a valid id: use {Identifiers.Describe}"));
        }

        var answer = row.Get(FieldNames.Answer);
        if (answer is null)
        {
            return (null, null, Fail(FieldNames.Answer, "required field is missing"));
        }

        if (string.IsNullOrWhiteSpace(answer))
        {
            return (null, null, Fail(FieldNames.Answer, "the answer is empty"));
        }

        if (answer.Length > limits.MaxAnswerLength)
        {
            return (null, null, Fail(FieldNames.Answer, $"the answer has {answer.Length:N0} characters, over the limit of {limits.MaxAnswerLength:N0}"));
        }

        if (answer.Contains('\0'))
        {
            return (null, null, Fail(FieldNames.Answer, "the answer holds NUL characters (binary content)"));
        }

        // Tabs and line breaks are text; other control characters (bell, escape sequences, C1 codes) are not, and would
        // reach terminals, logs and reports verbatim.
        var control = answer.AsSpan().IndexOfAnyExcept(NonControl);
        if (control >= 0)
        {
            return (null, null, Fail(FieldNames.Answer, $"the answer holds control character U+{(int)answer[control]:X4} at character {control + 1:N0}; only tabs and line breaks are allowed"));
        }

        var (question, questionError) = ResolveQuestion(row, Fail);
        if (questionError is not null)
        {
            return (null, null, questionError);
        }

        double? humanScore = null;
        if (row.Get(FieldNames.HumanScore) is { } humanText && !string.IsNullOrWhiteSpace(humanText))
        {
            if (!TryParseNumber(humanText, out var parsed) || parsed < 0 || parsed > question!.MaxScore)
            {
                return (null, null, Fail(FieldNames.HumanScore, $"'{Shorten(humanText)}' is not a number in [0, {question!.MaxScore.ToString(CultureInfo.InvariantCulture)}]"));
            }

            humanScore = parsed;
        }

        if (firstRowOfSubmission.TryGetValue(submissionId, out var firstRow))
        {
            return (null, null, new RowError(row.Row, submissionId, FieldNames.SubmissionId, $"duplicate submissionId '{submissionId}' (first seen on row {firstRow}); only the first is graded"));
        }

        firstRowOfSubmission[submissionId] = row.Row;
        var submission = new Submission(submissionId, assignmentId, question!.Id, answer, humanScore, Optional(row, FieldNames.HumanFeedback));
        return (submission, question, null);
    }

    private (Question? Question, RowError? Error) ResolveQuestion(RawRow row, Func<string, string, RowError> fail)
    {
        var questionId = Optional(row, FieldNames.QuestionId);
        if (questionId is not null && !Identifiers.IsValid(questionId))
        {
            return (null, fail(FieldNames.QuestionId, $"'{Shorten(questionId)}' is not a valid id: use {Identifiers.Describe}"));
        }

        var maxScoreText = Optional(row, FieldNames.MaxScore);
        double? maxScore = null;
        if (maxScoreText is not null)
        {
            if (!TryParseNumber(maxScoreText, out var parsed))
            {
                return (null, fail(FieldNames.MaxScore, $"'{Shorten(maxScoreText)}' is not a number"));
            }

            if (MaxScores.Problem(parsed) is { } problem)
            {
                return (null, fail(FieldNames.MaxScore, problem));
            }

            maxScore = parsed;
        }

        var questionText = row.Get(FieldNames.Question);
        if (!string.IsNullOrWhiteSpace(questionText))
        {
            return ResolveInlineQuestion(row, questionId, questionText, maxScore, fail);
        }

        if (questionId is null)
        {
            return (null, fail(FieldNames.QuestionId, "required field is missing (give a questionId, or the question inline with question, referenceAnswer and maxScore)"));
        }

        var known = assignment?.FindQuestion(questionId) ?? (inlineQuestions.TryGetValue(questionId, out var inline) ? inline.Question : null);
        if (known is null)
        {
            var where = assignment is null ? "no assignment was given and no earlier row defines it inline" : $"assignment '{assignment.Id}' has no such question";
            return (null, fail(FieldNames.QuestionId, $"unknown question '{questionId}': {where}"));
        }

        if (maxScore is not null && Math.Abs(maxScore.Value - known.MaxScore) > 1e-9)
        {
            return (null, fail(FieldNames.MaxScore, $"{maxScore.Value.ToString(CultureInfo.InvariantCulture)} differs from the question's maxScore {known.MaxScore.ToString(CultureInfo.InvariantCulture)}"));
        }

        return (known, null);
    }

    private (Question? Question, RowError? Error) ResolveInlineQuestion(
        RawRow row, string? questionId, string questionText, double? maxScore, Func<string, string, RowError> fail)
    {
        if (questionText.Length > limits.MaxQuestionLength)
        {
            return (null, fail(FieldNames.Question, $"the question has {questionText.Length:N0} characters, over the limit of {limits.MaxQuestionLength:N0}"));
        }

        if (row.ReferenceAnswers.Count == 0)
        {
            return (null, fail(FieldNames.ReferenceAnswer, "required when the question is given inline"));
        }

        if (row.ReferenceAnswers.Any(r => r.Length > limits.MaxQuestionLength))
        {
            return (null, fail(FieldNames.ReferenceAnswer, $"a reference answer is over the limit of {limits.MaxQuestionLength:N0} characters"));
        }

        if (maxScore is null)
        {
            return (null, fail(FieldNames.MaxScore, "required when the question is given inline"));
        }

        var id = questionId ?? "q-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(questionText.Trim())).AsSpan(0, 4));
        var question = new Question(id, questionText.Trim(), row.ReferenceAnswers, maxScore.Value);
        if (inlineQuestions.TryGetValue(id, out var earlier))
        {
            var same = earlier.Question.Text == question.Text
                && earlier.Question.MaxScore.Equals(question.MaxScore)
                && earlier.Question.ReferenceAnswers.SequenceEqual(question.ReferenceAnswers);
            return same
                ? (earlier.Question, null)
                : (null, fail(FieldNames.Question, $"question '{id}' is defined differently on row {earlier.Row}; one id, one question"));
        }

        inlineQuestions[id] = (question, row.Row);
        return (question, null);
    }

    /// <summary>An optional field: an empty or blank cell counts as not given.</summary>
    private static string? Optional(RawRow row, string field) =>
        row.Get(field) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>A value quoted in a message: at most 40 characters, control characters written as \uXXXX so they cannot garble it.</summary>
    private static string Shorten(string value)
    {
        var shown = value.Length <= 40 ? value : value[..40] + "…";
        return string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
    }
}
