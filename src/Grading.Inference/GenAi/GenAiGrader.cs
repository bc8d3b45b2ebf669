using System.Text;
using Grading.Core.Grading;
using Grading.Core.Prompts;

namespace Grading.Inference.GenAi;

/// <summary>
/// Score and feedback from the int4 decoder. Each chunk is prompted through the model's chat template and generated
/// in padded batches; replies are parsed by <see cref="ModelOutputParser"/>. An unparseable reply is generated once more
/// with sampling; if that fails too the answer goes to review with the reason and no score (NaN), never a made-up one.
/// The confidence of a score is the probability the model gave it, lowered by how it was read (<see cref="DecoderConfidence"/>).
/// </summary>
public sealed class GenAiGrader(ITextGenerator generator, DecoderGraderSettings settings) : IGrader
{
    public const string GraderName = "genai";

    public string Name => GraderName;

    public string ModelVersion => settings.VersionTag;

    public async Task<IReadOnlyList<GraderResult>> GradeAsync(IReadOnlyList<GradingRequest> requests, CancellationToken cancellationToken = default)
    {
        var prompts = requests.Select(r => GradingPrompt.ForGrading(r.Question, r.Submission.Answer, settings.Template, settings.Format)).ToList();
        var replies = (await BatchedGeneration.GenerateAsync(generator, prompts, settings.BatchSize, Options(SearchOptions.Greedy(settings.MaxNewTokens)), cancellationToken)).ToArray();
        var parsed = requests.Select((r, i) => replies[i].Problem is { } problem
            ? ParsedModelOutput.Failed(problem)
            : ModelOutputParser.Parse(replies[i].Text, r.Question, settings.Format)).ToArray();

        // Retry what the model answered badly; a prompt that could not be generated would fail the same way again.
        var failed = Enumerable.Range(0, requests.Count).Where(i => !parsed[i].Succeeded && replies[i].Problem is null).ToList();
        var firstFailures = failed.ToDictionary(i => i, i => parsed[i].FailureReason!);
        if (failed.Count > 0)
        {
            var retries = await BatchedGeneration.GenerateAsync(generator, failed.Select(i => prompts[i]).ToList(), settings.BatchSize, Options(SearchOptions.Retry(settings.MaxNewTokens)), cancellationToken);
            for (var j = 0; j < failed.Count; j++)
            {
                parsed[failed[j]] = ModelOutputParser.Parse(retries[j].Text, requests[failed[j]].Question, settings.Format);
                replies[failed[j]] = retries[j];
            }
        }

        return parsed.Select((p, i) => ToResult(p, replies[i], firstFailures.GetValueOrDefault(i))).ToList();
    }

    /// <summary>How the grader generates: its search options with token probabilities on, which its confidence needs.</summary>
    public static SearchOptions Options(SearchOptions search) => search with { TokenProbabilities = true };

    private static GraderResult ToResult(ParsedModelOutput parsed, GeneratedText reply, string? firstFailure)
    {
        var problem = reply.Problem;
        if (problem is not null)
        {
            return new GraderResult(double.NaN, "", 0, [$"not graded by the model: {problem}"]);
        }

        if (!parsed.Succeeded)
        {
            return new GraderResult(double.NaN, "", 0, [$"model reply could not be parsed, also on a retry: {parsed.FailureReason}"]);
        }

        var reasons = new List<string>(parsed.ReviewReasons);
        if (firstFailure is not null)
        {
            reasons.Add($"first model reply could not be parsed ({firstFailure}); graded from the retry");
        }

        return new GraderResult(parsed.Score!.Value, WithCriteria(parsed), DecoderConfidence.For(parsed, reply, retried: firstFailure is not null), reasons);
    }

    /// <summary>A grade has one feedback text, so per-criterion scores and reasons are appended to it.</summary>
    internal static string WithCriteria(ParsedModelOutput parsed)
    {
        if (parsed.Criteria.Count == 0)
        {
            return parsed.Feedback;
        }

        var text = new StringBuilder(parsed.Feedback);
        text.Append(parsed.Feedback.Length > 0 ? "\n\n" : "").Append("Rubric:");
        foreach (var criterion in parsed.Criteria)
        {
            text.Append($"\n- {criterion.Id}: {GradingPromptNumber(criterion.Score)}");
            if (criterion.Reason.Length > 0)
            {
                text.Append(" — ").Append(criterion.Reason);
            }
        }

        return text.ToString();
    }

    private static string GradingPromptNumber(double value) => value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
