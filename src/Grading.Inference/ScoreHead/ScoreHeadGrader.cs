using Grading.Core.Grading;
using Grading.Core.Prompts;
using Grading.Inference.GenAi;

namespace Grading.Inference.ScoreHead;

/// <summary>
/// A regression-head grader on the ONNX score head: the score only, no feedback (two-stage mode adds that). The head
/// reads the same grading prompt the decoder does, so one fine-tuning export serves both.
/// </summary>
public sealed class ScoreHeadGrader(OnnxScoreHead head, DecoderGraderSettings settings) : IGrader
{
    public const string GraderName = "score-head";

    /// <summary>An uncalibrated regression output; the value keeps it above the default review threshold only when nothing else is wrong.</summary>
    public const double HeadConfidence = 0.6;

    public string Name => GraderName;

    public string ModelVersion => $"{settings.VersionTag}+score-head";

    public Task<IReadOnlyList<GraderResult>> GradeAsync(IReadOnlyList<GradingRequest> requests, CancellationToken cancellationToken = default)
    {
        var results = new List<GraderResult>(requests.Count);
        foreach (var batch in requests.Chunk(settings.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var texts = batch.Select(r => GradingPrompt.ForGrading(r.Question, r.Submission.Answer, settings.Template, settings.Format)).ToList();
            var (fractions, truncated) = head.Score(texts);
            for (var i = 0; i < batch.Length; i++)
            {
                var fraction = fractions[i];
                var reasons = new List<string>();
                if (truncated[i])
                {
                    reasons.Add($"answer was cut to {OnnxScoreHead.MaxTokens} tokens for the score head");
                }

                if (!float.IsFinite(fraction))
                {
                    results.Add(new GraderResult(double.NaN, "", 0, [.. reasons, "score head returned no finite score"]));
                    continue;
                }

                results.Add(new GraderResult(fraction * batch[i].Question.MaxScore, "", HeadConfidence, reasons));
            }
        }

        return Task.FromResult<IReadOnlyList<GraderResult>>(results);
    }
}
