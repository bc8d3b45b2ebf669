using System.Text;
using System.Text.Json.Nodes;
using Grading.Core.Batches;
using Grading.Core.Domain;

namespace Grading.Cli.Bench;

/// <summary>
/// POST /api/grade bodies for the HTTP benchmark, from a sample assignment and its answers: each answer as written and
/// reworked (another student's sentence added, lower case without punctuation, cut short, sentences reversed, several
/// answers run together), so requests differ in length and quality as a class's answers do.
/// </summary>
internal static class SampleAnswers
{
    public static IReadOnlyList<byte[]> Bodies(Assignment assignment, byte[] answersCsv)
    {
        var parsed = BatchParser.Parse(answersCsv, BatchFormat.Csv, assignment, assignment.Id);
        if (parsed.Submissions.Count == 0)
        {
            throw new InvalidDataException("The answers file holds no answer to the assignment's questions.");
        }

        var byQuestion = parsed.Submissions.GroupBy(s => s.QuestionId).ToDictionary(g => g.Key, g => g.Select(s => s.Answer).ToList());
        var bodies = new List<byte[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var submission in parsed.Submissions)
        {
            var question = assignment.FindQuestion(submission.QuestionId)!;
            var others = byQuestion[question.Id];
            var own = others.IndexOf(submission.Answer);
            var other = others[(own + 1) % others.Count];
            string[] variants =
            [
                submission.Answer,
                submission.Answer + " " + FirstSentence(other),
                new string(submission.Answer.ToLowerInvariant().Where(c => !char.IsPunctuation(c)).ToArray()),
                CutShort(submission.Answer),
                string.Join(" ", Sentences(submission.Answer).Reverse()),
                string.Join(" ", Enumerable.Range(0, Math.Min(3, others.Count)).Select(k => others[(own + k) % others.Count])),
            ];
            foreach (var (answer, index) in variants.Where(a => !string.IsNullOrWhiteSpace(a) && seen.Add(a)).Select((a, i) => (a, i)))
            {
                bodies.Add(Body($"{submission.SubmissionId}-v{index}", question, answer));
            }
        }

        return bodies;
    }

    private static byte[] Body(string submissionId, Question question, string answer) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["submissionId"] = submissionId,
        ["question"] = question.Text,
        ["referenceAnswers"] = new JsonArray(question.ReferenceAnswers.Select(r => (JsonNode)r).ToArray()),
        ["maxScore"] = question.MaxScore,
        ["answer"] = answer,
    }.ToJsonString());

    private static IEnumerable<string> Sentences(string text) =>
        text.Split(". ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.EndsWith('.') ? s : s + ".");

    private static string FirstSentence(string text) => Sentences(text).First();

    private static string CutShort(string text)
    {
        var words = text.Split(' ');
        return words.Length < 4 ? text : string.Join(' ', words.Take(words.Length / 2)) + " ...";
    }
}
