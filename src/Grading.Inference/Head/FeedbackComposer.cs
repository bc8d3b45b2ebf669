using Grading.Core.Domain;
using Grading.Core.Metrics;
using Grading.Inference.Embeddings;
using Grading.Inference.Similarity;

namespace Grading.Inference.Head;

/// <summary>
/// Feedback conditioned on the predicted score. With graded examples: among the answers nearest to this one that
/// tutors scored at the predicted score level, the tutor feedback most typical of them (the medoid by ROUGE-1 against
/// the others' feedback, weighted by similarity), which tracks what tutors write at that level better than copying the
/// single nearest answer's. Without examples: which key terms of the reference answer the answer covers and misses.
/// </summary>
internal static class FeedbackComposer
{
    /// <summary>Candidates considered at the predicted level, nearest first.</summary>
    public const int MaxCandidates = 12;

    /// <summary>
    /// From this predicted fraction (or a "Correct" label) the feedback is a full-marks one. The score head regresses
    /// towards the mean, so most full-mark answers are predicted a little under full marks; rounding that to the
    /// score step would pick partial-credit feedback. Cross-validated on SAF: ROUGE-1 0.62 against 0.56 for rounding.
    /// </summary>
    public const double FullMarksFeedbackFrom = 0.65;

    public static string Compose(float[] answer, string text, QuestionContext question, double predictedFraction, string label)
    {
        var withFeedback = Enumerable.Range(0, question.Examples.Count).Where(i => question.Examples[i].Feedback is not null).ToArray();
        if (withFeedback.Length > 0)
        {
            var level = predictedFraction >= FullMarksFeedbackFrom || label == GradeLabel.Correct ? 1 : predictedFraction;
            return FromExamples(answer, question, level, withFeedback);
        }

        return FromReference(text, question, label);
    }

    private static string FromExamples(float[] answer, QuestionContext question, double predictedFraction, int[] withFeedback)
    {
        var examples = question.Examples;
        var levelStep = question.MaxScore > 0 ? question.ScoreStep / question.MaxScore : 1;
        var level = Math.Round(predictedFraction / levelStep) * levelStep;
        var sims = withFeedback.ToDictionary(i => i, i => (double)VectorMath.Dot(answer, examples[i].Vector));

        // The examples at the predicted level; when tutors never gave that score, those at the nearest level they gave.
        var nearestLevelDistance = withFeedback.Min(i => Math.Abs(examples[i].Fraction - level));
        var candidates = withFeedback
            .Where(i => Math.Abs(examples[i].Fraction - level) <= nearestLevelDistance + 1e-9)
            .OrderByDescending(i => sims[i])
            .Take(MaxCandidates)
            .ToArray();
        if (candidates.Length <= 2)
        {
            return examples[candidates[0]].Feedback!;
        }

        var best = candidates[0];
        var bestScore = double.NegativeInfinity;
        foreach (var c in candidates)
        {
            var typicality = candidates.Where(d => d != c)
                .Sum(d => Math.Max(sims[d], 0) * RougeScores.Rouge1F1(examples[d].FeedbackTokens, examples[c].FeedbackTokens));
            if (typicality > bestScore + 1e-12)
            {
                (best, bestScore) = (c, typicality);
            }
        }

        return examples[best].Feedback!;
    }

    private static string FromReference(string text, QuestionContext question, string label)
    {
        if (!question.HasReferences)
        {
            return SimilarityFeedback.Compose(label, [], [], comparedWithReference: false);
        }

        var stems = KeyTerms.StemsOf(text);
        // The reference with the most key terms covered is the one the answer follows.
        var terms = question.ReferenceKeyTerms.OrderByDescending(t => t.Count(term => KeyTerms.IsCoveredBy(term, stems))).First();
        var covered = terms.Where(term => KeyTerms.IsCoveredBy(term, stems)).ToArray();
        var missed = terms.Where(term => !KeyTerms.IsCoveredBy(term, stems)).ToArray();
        return SimilarityFeedback.Compose(label, covered, missed, comparedWithReference: true);
    }
}
