using Grading.Core.Grading;
using Grading.Core.Prompts;

namespace Grading.Inference.GenAi;

/// <summary>
/// The paper's two stages: the score comes from a regression-head grader (any <see cref="IGrader"/>: the CPU encoder
/// head or the ONNX score head), and the decoder writes feedback conditioned on that score. Confidence and review
/// reasons of the score stage carry over; answers the score stage could not score get no decoder feedback.
/// </summary>
public sealed class TwoStageGrader(IGrader scoreStage, ITextGenerator generator, DecoderGraderSettings settings) : IGrader
{
    public const string GraderName = "two-stage";

    public string Name => GraderName;

    public string ModelVersion => $"{scoreStage.Name}:{scoreStage.ModelVersion}|{settings.VersionTag}";

    public async Task<IReadOnlyList<GraderResult>> GradeAsync(IReadOnlyList<GradingRequest> requests, CancellationToken cancellationToken = default)
    {
        var scores = await scoreStage.GradeAsync(requests, cancellationToken);
        if (scores.Count != requests.Count)
        {
            throw new InvalidOperationException($"Score stage '{scoreStage.Name}' returned {scores.Count} results for {requests.Count} answers.");
        }

        var scored = Enumerable.Range(0, requests.Count).Where(i => double.IsFinite(scores[i].Score)).ToList();
        var prompts = scored.Select(i => GradingPrompt.ForFeedback(
            requests[i].Question,
            requests[i].Submission.Answer,
            Math.Clamp(scores[i].Score, 0, requests[i].Question.MaxScore),
            settings.Template,
            settings.Format)).ToList();
        var feedback = new string?[requests.Count];
        var problems = new string?[requests.Count];
        var replies = await BatchedGeneration.GenerateAsync(generator, prompts, settings.BatchSize, SearchOptions.Greedy(settings.MaxNewTokens), cancellationToken);
        for (var j = 0; j < scored.Count; j++)
        {
            feedback[scored[j]] = ModelOutputParser.ParseFeedback(replies[j].Text, settings.Format);
            problems[scored[j]] = replies[j].Problem;
        }

        var missing = scored.Where(i => feedback[i] is null && replies[scored.IndexOf(i)].Problem is null).ToList();
        if (missing.Count > 0)
        {
            var retries = await BatchedGeneration.GenerateAsync(generator, missing.Select(i => prompts[scored.IndexOf(i)]).ToList(), settings.BatchSize, SearchOptions.Retry(settings.MaxNewTokens), cancellationToken);
            for (var j = 0; j < missing.Count; j++)
            {
                feedback[missing[j]] = ModelOutputParser.ParseFeedback(retries[j].Text, settings.Format);
            }
        }

        return Enumerable.Range(0, requests.Count).Select(i =>
        {
            var score = scores[i];
            if (feedback[i] is { } written)
            {
                return score with { Feedback = written };
            }

            if (!double.IsFinite(score.Score))
            {
                return score;
            }

            // The score stands; the score stage's own feedback (if any) is better than none, but a person should look.
            var reason = problems[i] is { } problem
                ? $"no decoder feedback: {problem}; feedback is the score stage's"
                : "decoder feedback could not be parsed, also on a retry; feedback is the score stage's";
            return score with { ReviewReasons = [.. score.ReviewReasons, reason] };
        }).ToList();
    }
}
