using System.Text.Json;
using Grading.Core.Domain;
using Grading.Core.Serialization;

namespace Grading.Core.Batches;

/// <summary>
/// Reads an assignment file: <c>{ "id", "title", "questions": [ { "id", "text", "referenceAnswers", "maxScore",
/// "criteria": [ { "id", "description", "points" } ], "examples": [ { "answer", "score", "feedback" } ] } ] }</c>.
/// </summary>
public static class AssignmentReader
{
    public static Assignment Read(ReadOnlySpan<byte> json, string? fallbackId = null)
    {
        Assignment? assignment;
        try
        {
            assignment = JsonSerializer.Deserialize<Assignment>(json, GradingJson.Options);
        }
        catch (JsonException e)
        {
            throw new AssignmentFormatException($"The assignment is not valid JSON: {e.Message}");
        }

        if (assignment is null)
        {
            throw new AssignmentFormatException("The assignment file is empty.");
        }

        if (string.IsNullOrWhiteSpace(assignment.Id) && fallbackId is not null)
        {
            assignment = assignment with { Id = fallbackId };
        }

        var problems = Validate(assignment).ToList();
        if (problems.Count > 0)
        {
            throw new AssignmentFormatException("The assignment cannot be used: " + string.Join("; ", problems) + ".");
        }

        return assignment;
    }

    public static byte[] Write(Assignment assignment) => JsonSerializer.SerializeToUtf8Bytes(assignment, GradingJson.Indented);

    private static IEnumerable<string> Validate(Assignment assignment)
    {
        if (!Identifiers.IsValid(assignment.Id))
        {
            yield return $"id '{assignment.Id}' is not valid: use {Identifiers.Describe}";
        }

        if (assignment.Questions is null || assignment.Questions.Count == 0)
        {
            yield return "it has no questions";
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < assignment.Questions.Count; i++)
        {
            var q = assignment.Questions[i];
            var where = $"questions[{i}]";
            if (Identifiers.IsValid(q.Id) && !seen.Add(q.Id))
            {
                yield return $"{where}.id '{q.Id}' is used twice";
            }

            foreach (var problem in ProblemsOf(q, where + "."))
            {
                yield return problem;
            }
        }
    }

    /// <summary>What makes one question unusable, each message starting with <paramref name="prefix"/> and the field; empty when it is usable.</summary>
    public static IEnumerable<string> ProblemsOf(Question q, string prefix = "")
    {
        if (!Identifiers.IsValid(q.Id))
        {
            yield return $"{prefix}id '{q.Id}' is not valid: use {Identifiers.Describe}";
        }

        if (string.IsNullOrWhiteSpace(q.Text))
        {
            yield return $"{prefix}text is missing";
        }

        if (q.ReferenceAnswers is null || q.ReferenceAnswers.Count == 0 || q.ReferenceAnswers.Any(string.IsNullOrWhiteSpace))
        {
            yield return $"{prefix}referenceAnswers needs at least one non-empty answer";
        }

        if (MaxScores.Problem(q.MaxScore) is { } maxScoreProblem)
        {
            yield return $"{prefix}maxScore {maxScoreProblem}";
        }

        if (q.Criteria is { Count: > 0 } criteria)
        {
            if (criteria.Any(c => !double.IsFinite(c.Points) || c.Points <= 0))
            {
                yield return $"{prefix}criteria points must be numbers greater than zero";
            }
            else if (Math.Abs(criteria.Sum(c => c.Points) - q.MaxScore) > 1e-9)
            {
                yield return $"{prefix}criteria points add up to {criteria.Sum(c => c.Points)}, not maxScore {q.MaxScore}";
            }
        }

        foreach (var example in q.ExamplesOrEmpty)
        {
            if (!double.IsFinite(example.Score) || example.Score < 0 || example.Score > q.MaxScore)
            {
                yield return $"{prefix}examples score {example.Score} is outside [0, {q.MaxScore}]";
            }
        }
    }
}
