using System.Text;
using System.Text.Json;
using Grading.Core.Domain;

namespace Grading.Core.Prompts;

/// <summary>
/// The fixed format of the model's reply: the instructions that ask for it, and the reply itself written from known
/// values (the fine-tuning targets). <see cref="ModelOutputParser"/> reads exactly this format.
/// </summary>
public static class OutputContract
{
    public const string ScoreKey = "Score";
    public const string FeedbackKey = "Feedback";
    public const string CriterionKey = "Criterion";

    public static string Instructions(Question question, OutputFormat format)
    {
        var max = GradingPrompt.Number(question.MaxScore);
        var criteria = question.CriteriaOrEmpty;
        if (format == OutputFormat.Json)
        {
            var criteriaPart = criteria.Count > 0
                ? "\"criteria\": [{\"id\": \"<criterion id>\", \"score\": <points>, \"reason\": \"<one line>\"}, ...one per rubric criterion], "
                : "";
            return $"Reply with one JSON object and nothing else: {{{criteriaPart}\"score\": <a number from 0 to {max}>, \"feedback\": \"<feedback to the student>\"}}";
        }

        var text = new StringBuilder("Reply with exactly these lines and nothing else:\n");
        if (criteria.Count > 0)
        {
            text.Append($"{CriterionKey} <id>: <points> | <one-line reason>   (one line per rubric criterion, in rubric order)\n");
            text.Append($"{ScoreKey}: <the sum of the criterion points, at most {max}>\n");
        }
        else
        {
            text.Append($"{ScoreKey}: <a number from 0 to {max}>\n");
        }

        text.Append($"{FeedbackKey}: <feedback to the student>");
        return text.ToString();
    }

    public static string FeedbackInstructions(Question question, double score, OutputFormat format)
    {
        var decided = $"The score is already decided: {GradingPrompt.Number(score)} out of {GradingPrompt.Number(question.MaxScore)}. Write feedback consistent with that score.\n";
        return format == OutputFormat.Json
            ? decided + "Reply with one JSON object and nothing else: {\"feedback\": \"<feedback to the student>\"}"
            : decided + $"Reply with exactly one line and nothing else:\n{FeedbackKey}: <feedback to the student>";
    }

    /// <summary>The reply a perfect model would write for a known grade (training targets).</summary>
    public static string Reply(double score, string feedback, IReadOnlyList<CriterionScore> criteria, OutputFormat format)
    {
        feedback = feedback.ReplaceLineEndings(" ").Trim();
        if (format == OutputFormat.Json)
        {
            var reply = new Dictionary<string, object>();
            if (criteria.Count > 0)
            {
                reply["criteria"] = criteria.Select(c => new Dictionary<string, object> { ["id"] = c.Id, ["score"] = c.Score, ["reason"] = c.Reason }).ToList();
            }

            reply["score"] = score;
            reply["feedback"] = feedback;
            return JsonSerializer.Serialize(reply);
        }

        var text = new StringBuilder();
        foreach (var criterion in criteria)
        {
            text.Append($"{CriterionKey} {criterion.Id}: {GradingPrompt.Number(criterion.Score)} | {criterion.Reason.ReplaceLineEndings(" ").Trim()}\n");
        }

        text.Append($"{ScoreKey}: {GradingPrompt.Number(score)}\n");
        text.Append($"{FeedbackKey}: {feedback}");
        return text.ToString();
    }

    /// <summary>The two-stage feedback reply for a known feedback text (training targets).</summary>
    public static string FeedbackReply(string feedback, OutputFormat format)
    {
        feedback = feedback.ReplaceLineEndings(" ").Trim();
        return format == OutputFormat.Json
            ? JsonSerializer.Serialize(new Dictionary<string, string> { ["feedback"] = feedback })
            : $"{FeedbackKey}: {feedback}";
    }
}
