using Grading.Core.Domain;
using Grading.Core.Metrics;
using Grading.Inference.Similarity;

namespace Grading.Inference.Head;

/// <summary>
/// Feedback conditioned on the predicted score. With graded examples: the tutor feedback with the highest expected
/// agreement (ROUGE-1 and ROUGE-L F1) with what a tutor would write for this answer (minimum Bayes risk), where each
/// graded example's feedback counts by how near its score is to the predicted score and how similar its answer is
/// (the mean of four: the cosine of their content vectors, the TF-IDF cosines of words and of character 4-grams, and the
/// alignment of their content pieces, <see cref="AnswerTerms.Alignment"/>).
/// Tutors write a few templates per question and score, so this picks the template of the predicted score, hedged
/// towards feedback that also fits the neighbouring scores when the prediction sits between them. Without examples:
/// which key terms of the reference answer the answer covers and misses.
/// </summary>
internal static class FeedbackComposer
{
    /// <summary>
    /// Width of the Gaussian weight on |example score - predicted score|, in fractions of maxScore: an example half the
    /// scale away counts 0.37 times, one at the other end of the scale 0.02 times. Narrower follows the
    /// predicted score more strictly, but the score head is off by about 0.2 on average and tutors' templates at
    /// neighbouring scores share much of their wording, so hedging pays. Cross-validated on SAF (unseen answers,
    /// similarity temperature 0.1, head 7dcb8adcd5a4): ROUGE-1 / ROUGE-L 0.660 / 0.633 at 0.3, 0.666 / 0.640 at 0.4,
    /// 0.669 / 0.643 at 0.5, 0.668 / 0.642 at 0.7; the previous rule (medoid of the nearest examples at the rounded
    /// predicted score) 0.617 / 0.592. With the more accurate score of head rules 4 (RMSE 0.192) a narrower band pays:
    /// 0.671 / 0.642 at 0.25, 0.678 / 0.651 at 0.35, 0.675 / 0.648 at 0.7 (0.676 / 0.649 at 0.5 with 1,200 stumps).
    /// </summary>
    public const double ScoreBandwidth = 0.35;

    /// <summary>
    /// Temperature of the softmax over answer similarity: the feedback of similar answers counts more. Cross-validated on
    /// SAF (bandwidth 0.3, embedding cosine alone): ROUGE-1 0.636 at 0.02, 0.658 at 0.05, 0.660 at 0.1, 0.657 at 0.2.
    /// With the similarity as the mean of embedding, word and character cosines (head rules 5, bandwidth 0.35):
    /// ROUGE-1 / L 0.681 / 0.654 at 0.1 against 0.677 / 0.650 for the embedding cosine alone; 0.673 / 0.645 at 0.05,
    /// 0.678 / 0.652 at 0.2; embedding and words only 0.679 / 0.652, embedding and characters 0.680 / 0.654. With the
    /// content pieces' alignment as a fourth similarity and content vectors for the embeddings (feedback chosen again for head
    /// rules 7's cross-validated scores): 0.689 / 0.662 against 0.688 / 0.661; at 0.05 0.682 / 0.653, at 0.15 0.687 / 0.660.
    /// </summary>
    public const double SimilarityTemperature = 0.1;

    /// <summary>
    /// A grade below this fraction of maxScore never gets a text tutors gave only at full marks. The selection hedges
    /// towards the full-marks templates (they are the majority and share most of their words with the partial ones), so
    /// without this 0.5 of 1 could read "The response is correct." Cross-validated on SAF (unseen answers, head
    /// b78380fe0fe4; offline): 75 such grades below 0.65, ROUGE-1 / L 0.6911 / 0.6628 against 0.6905 / 0.6633 without
    /// the rule; below 0.55 / 0.6 0.6906 / 0.6909; below 0.7 0.6888, and for every partial grade 0.654. Below 0.65 the
    /// tutor had given full marks to 13 of the 75 answers, above it to 231 of the 433 that still get a full-marks text,
    /// which there is as often right as not (docs/encoder-head.md).
    /// </summary>
    public const double FullMarksTextsFrom = 0.65;

    /// <param name="similarities">
    /// The answer's <see cref="ExampleRegression.Compare"/> with the question's graded examples; null where it has none.
    /// </param>
    /// <param name="predictedFraction">The head's prediction, which centres the choice.</param>
    /// <param name="gradeFraction">The score the grade shows (after the score rules), as a fraction of maxScore.</param>
    public static string Compose(string text, ExampleSimilarities? similarities, QuestionContext question, double predictedFraction, double gradeFraction, string label)
    {
        var pool = FeedbackPool.Of(question.Examples);
        if (pool.Texts.Length > 0)
        {
            if (similarities?.Count != question.Examples.Count)
            {
                throw new ArgumentException($"The question has {question.Examples.Count} graded examples; the answer was compared with {similarities?.Count ?? 0}.", nameof(similarities));
            }

            return FromExamples(similarities, question, pool, predictedFraction, allowFullMarksTexts: gradeFraction >= FullMarksTextsFrom);
        }

        return FromReference(text, question, label);
    }

    private static string FromExamples(ExampleSimilarities similarities, QuestionContext question, FeedbackPool pool, double predictedFraction, bool allowFullMarksTexts)
    {
        var examples = question.Examples;
        var sims = new double[examples.Count];
        var maxSim = double.NegativeInfinity;
        for (var i = 0; i < examples.Count; i++)
        {
            if (pool.TextOfExample[i] >= 0)
            {
                sims[i] = (similarities.Embedding[i] + similarities.Words[i] + similarities.Characters[i] + similarities.Alignments[i]) / 4;
                maxSim = Math.Max(maxSim, sims[i]);
            }
        }

        // The weight of each distinct text: the examples that carry it, by score nearness and answer similarity.
        var weights = new double[pool.Texts.Length];
        for (var i = 0; i < examples.Count; i++)
        {
            var t = pool.TextOfExample[i];
            if (t >= 0)
            {
                var distance = (examples[i].Fraction - predictedFraction) / ScoreBandwidth;
                weights[t] += Math.Exp((-distance * distance) + ((sims[i] - maxSim) / SimilarityTemperature));
            }
        }

        // Where tutors wrote nothing but full-marks texts there is no other choice.
        allowFullMarksTexts |= pool.EveryTextOnlyAtFullMarks;
        var best = 0;
        var bestValue = double.NegativeInfinity;
        for (var c = 0; c < weights.Length; c++)
        {
            if (!allowFullMarksTexts && pool.OnlyAtFullMarks[c])
            {
                continue;
            }

            var value = 0.0;
            for (var d = 0; d < weights.Length; d++)
            {
                value += weights[d] * pool.Agreement[c, d];
            }

            if (value > bestValue + 1e-12)
            {
                (best, bestValue) = (c, value);
            }
        }

        return pool.Texts[best];
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
