using Grading.Core.Metrics;
using Grading.Inference.Embeddings;
using Grading.Inference.Similarity;

namespace Grading.Inference.Head;

/// <summary>
/// Question-relative features of one answer, so one head serves any question: how close the answer is to the reference
/// answers and, when the question has graded examples, to the examples at each score level and what its nearest
/// examples scored. Two sets: <see cref="WithExamples"/> and <see cref="ReferenceOnly"/> (a question nobody graded yet).
/// </summary>
internal static class HeadFeatures
{
    /// <summary>Examples with a fraction at least this are "full marks"; at most <see cref="ZeroFraction"/> "no marks".</summary>
    public const double FullFraction = 0.999;
    public const double ZeroFraction = 0.001;

    // A sharp softmax over similarities: the nearest few examples dominate, but ties share the weight.
    private const double SoftmaxTemperature = 0.03;

    // Stands in for a similarity that cannot be computed (no example at that level): below any real cosine of text.
    private const float Missing = -1;

    public static readonly string[] ReferenceOnlyNames =
    [
        "refSimMax", "refSimMean", "keyTermCoverage", "refTokenRecall", "refTokenPrecision", "logAnswerWords",
        "lengthRatio", "logRefWords", "maxScore", "refAlignF1", "refAlignRecall", "refAlignPrecision",
    ];

    public static readonly string[] WithExamplesNames =
    [
        .. ReferenceOnlyNames,
        "top1Sim", "top1Fraction", "top2Fraction", "top3Fraction", "knn3", "knn5", "knn10", "knn20", "softmaxFraction",
        "knn10Spread", "meanFraction", "fractionSpread", "fullShare", "zeroShare", "logExamples",
        "fullCentroidSim", "partialCentroidSim", "zeroCentroidSim", "fullMaxSim", "partialMaxSim", "zeroMaxSim",
        "top1MinusRef", "levelWeightedFraction",
        "wordTop1Sim", "wordTop1Fraction", "wordKnn5", "wordKnn10", "hybridKnn5", "sharpSoftmaxFraction", "flatSoftmaxFraction",
        "ridgeEmbedding", "ridgeWords", "ridgeCharacters", "ridgeAll", "ridgeFullMarks", "ridgeNoMarks", "ridgeUncertainty", "ridgeTokens",
        "ridgeTokensFullMarks", "ridgeTokensNoMarks", "ridgeEvery", "alignTop1", "alignTop1Fraction", "alignKnn5", "alignSoftmaxFraction",
    ];

    /// <param name="tokens">The answer's token states (<see cref="TextEncoding.Tokens"/>).</param>
    public static float[] ReferenceOnly(float[] answer, string text, TokenStates tokens, QuestionContext question)
    {
        var features = new float[ReferenceOnlyNames.Length];
        FillReference(features, answer, text, ContentTokens.Of(text, tokens), question);
        return features;
    }

    /// <param name="terms">The answer's <see cref="AnswerTerms.Of"/>.</param>
    /// <param name="similarities">The answer's <see cref="ExampleRegression.Compare"/> with the question's examples, computed once for these features and its feedback.</param>
    public static float[] WithExamples(float[] answer, string text, AnswerTerms terms, ExampleSimilarities similarities, QuestionContext question)
    {
        var features = new float[WithExamplesNames.Length];
        FillReference(features, answer, text, terms.Tokens, question);
        var f = ReferenceOnlyNames.Length;
        var examples = question.Examples;
        var sims = new double[examples.Count];
        for (var i = 0; i < examples.Count; i++)
        {
            sims[i] = VectorMath.Dot(answer, examples[i].Vector);
        }

        var order = Enumerable.Range(0, examples.Count).OrderByDescending(i => sims[i]).ToArray();
        double Fraction(int rank) => examples[order[Math.Min(rank, order.Length - 1)]].Fraction;

        features[f++] = (float)sims[order[0]];
        features[f++] = (float)Fraction(0);
        features[f++] = (float)Fraction(1);
        features[f++] = (float)Fraction(2);
        foreach (var k in (int[])[3, 5, 10, 20])
        {
            features[f++] = (float)WeightedMean(order.Take(k), sims, examples);
        }

        var maxSim = sims[order[0]];
        features[f++] = (float)SoftmaxFraction(sims, examples, maxSim, SoftmaxTemperature);
        var top10 = order.Take(10).Select(i => examples[i].Fraction).ToArray();
        features[f++] = (float)StandardDeviation(top10);
        var fractions = examples.Select(example => example.Fraction).ToArray();
        features[f++] = (float)fractions.Average();
        features[f++] = (float)StandardDeviation(fractions);
        features[f++] = (float)fractions.Count(x => x >= FullFraction) / fractions.Length;
        features[f++] = (float)fractions.Count(x => x <= ZeroFraction) / fractions.Length;
        features[f++] = (float)Math.Log(1 + examples.Count);

        bool IsFull(int i) => examples[i].Fraction >= FullFraction;
        bool IsZero(int i) => examples[i].Fraction <= ZeroFraction;
        bool IsPartial(int i) => !IsFull(i) && !IsZero(i);
        features[f++] = CentroidSimilarity(answer, examples, IsFull);
        features[f++] = CentroidSimilarity(answer, examples, IsPartial);
        features[f++] = CentroidSimilarity(answer, examples, IsZero);
        features[f++] = MaxSimilarity(sims, IsFull);
        features[f++] = MaxSimilarity(sims, IsPartial);
        features[f++] = MaxSimilarity(sims, IsZero);
        features[f++] = (float)(sims[order[0]] - features[0]);

        // Each score level's best match, weighted by how close it is: which level does the answer sit nearest to?
        var levels = examples.Select(example => example.Fraction).Distinct().ToArray();
        double levelWeight = 0, levelSum = 0;
        foreach (var level in levels)
        {
            var best = Enumerable.Range(0, examples.Count).Where(i => examples[i].Fraction == level).Max(i => sims[i]);
            var weight = Math.Exp((best - maxSim) / SoftmaxTemperature);
            levelWeight += weight;
            levelSum += weight * level;
        }

        features[f++] = (float)(levelSum / levelWeight);

        // Word overlap with each example (Jaccard of distinct words): short technical answers that share the key words
        // often share the score even where their sentence embeddings differ.
        var answerWords = RougeScores.Tokenize(text).ToHashSet(StringComparer.Ordinal);
        var words = new double[examples.Count];
        for (var i = 0; i < examples.Count; i++)
        {
            words[i] = Jaccard(answerWords, examples[i].AnswerWords);
        }

        var wordOrder = Enumerable.Range(0, examples.Count).OrderByDescending(i => words[i]).ToArray();
        features[f++] = (float)words[wordOrder[0]];
        features[f++] = (float)examples[wordOrder[0]].Fraction;
        features[f++] = (float)WeightedMean(wordOrder.Take(5), words, examples);
        features[f++] = (float)WeightedMean(wordOrder.Take(10), words, examples);
        var hybrid = sims.Select((sim, i) => sim + words[i]).ToArray();
        features[f++] = (float)WeightedMean(Enumerable.Range(0, examples.Count).OrderByDescending(i => hybrid[i]).Take(5), hybrid, examples);
        features[f++] = (float)SoftmaxFraction(sims, examples, maxSim, 0.01);
        features[f++] = (float)SoftmaxFraction(sims, examples, maxSim, 0.1);
        var regression = question.Regression.Predict(similarities);
        features[f++] = (float)regression.Embedding;
        features[f++] = (float)regression.Words;
        features[f++] = (float)regression.Characters;
        features[f++] = (float)regression.All;
        features[f++] = (float)regression.FullMarks;
        features[f++] = (float)regression.NoMarks;
        features[f++] = (float)regression.Uncertainty;
        features[f++] = (float)regression.Tokens;
        features[f++] = (float)regression.TokensFullMarks;
        features[f++] = (float)regression.TokensNoMarks;
        features[f++] = (float)regression.Every;

        // Nearest examples by token alignment rather than by sentence vector.
        var alignments = similarities.Alignments;
        var alignOrder = Enumerable.Range(0, examples.Count).OrderByDescending(i => alignments[i]).ToArray();
        features[f++] = (float)alignments[alignOrder[0]];
        features[f++] = (float)examples[alignOrder[0]].Fraction;
        features[f++] = (float)WeightedMean(alignOrder.Take(5), alignments, examples);
        features[f++] = (float)SoftmaxFraction(alignments, examples, alignments[alignOrder[0]], SoftmaxTemperature);
        return features;
    }

    private static void FillReference(float[] features, float[] answer, string text, TokenStates tokens, QuestionContext question)
    {
        var answerTokens = RougeScores.Tokenize(text);
        var answerWords = WordCount.Of(text);
        if (question.HasReferences)
        {
            var sims = question.ReferenceVectors.Select(reference => VectorMath.Dot(answer, reference)).ToArray();
            var best = Array.IndexOf(sims, sims.Max());
            var stems = KeyTerms.StemsOf(text);
            var terms = question.ReferenceKeyTerms[best];
            var referenceTokens = question.ReferenceTokens[best];
            var overlap = answerTokens.Distinct(StringComparer.Ordinal).Count(referenceTokens.Contains);
            features[0] = (float)sims.Max();
            features[1] = (float)sims.Average();
            features[2] = terms.Count == 0 ? 0 : (float)terms.Count(term => KeyTerms.IsCoveredBy(term, stems)) / terms.Count;
            features[3] = referenceTokens.Count == 0 ? 0 : (float)overlap / referenceTokens.Count;
            features[4] = answerTokens.Length == 0 ? 0 : (float)overlap / answerTokens.Distinct(StringComparer.Ordinal).Count();
            features[6] = (float)answerWords / Math.Max(1, question.ReferenceWordCounts[best]);
            features[7] = (float)Math.Log(1 + question.ReferenceWordCounts[best]);

            // The reference the answer's tokens align with best: how much of it the answer covers (recall), and how
            // much of the answer is about it (precision).
            var (precision, recall) = (question.ReferenceTokenStates ?? [])
                .Select(reference => TokenAlignment.PrecisionAndRecall(tokens, reference))
                .DefaultIfEmpty((0, 0))
                .MaxBy(pair => FScore.F1(pair.Precision, pair.Recall));
            features[9] = (float)FScore.F1(precision, recall);
            features[10] = (float)recall;
            features[11] = (float)precision;
        }
        else
        {
            features[0] = features[1] = features[9] = features[10] = features[11] = Missing;
        }

        features[5] = (float)Math.Log(1 + answerWords);
        features[8] = (float)question.MaxScore;
    }

    private static double WeightedMean(IEnumerable<int> indices, double[] sims, IReadOnlyList<ContextExample> examples)
    {
        double weight = 0, sum = 0;
        foreach (var i in indices)
        {
            var w = Math.Max(sims[i], 1e-3);
            weight += w;
            sum += w * examples[i].Fraction;
        }

        return sum / weight;
    }

    private static double SoftmaxFraction(double[] sims, IReadOnlyList<ContextExample> examples, double maxSim, double temperature)
    {
        double weight = 0, sum = 0;
        for (var i = 0; i < sims.Length; i++)
        {
            var w = Math.Exp((sims[i] - maxSim) / temperature);
            weight += w;
            sum += w * examples[i].Fraction;
        }

        return sum / weight;
    }

    private static double Jaccard(IReadOnlySet<string> answer, IReadOnlySet<string>? example)
    {
        if (example is null || answer.Count == 0 || example.Count == 0)
        {
            return 0;
        }

        var shared = answer.Count(example.Contains);
        return (double)shared / (answer.Count + example.Count - shared);
    }

    private static float CentroidSimilarity(float[] answer, IReadOnlyList<ContextExample> examples, Func<int, bool> inGroup)
    {
        var members = Enumerable.Range(0, examples.Count).Where(inGroup).Select(i => examples[i].Vector).ToArray();
        return members.Length == 0 ? Missing : (float)VectorMath.Dot(answer, VectorMath.NormalizedMean(members));
    }

    private static float MaxSimilarity(double[] sims, Func<int, bool> inGroup)
    {
        var best = double.NegativeInfinity;
        for (var i = 0; i < sims.Length; i++)
        {
            if (inGroup(i) && sims[i] > best)
            {
                best = sims[i];
            }
        }

        return double.IsNegativeInfinity(best) ? Missing : (float)best;
    }

    private static double StandardDeviation(IReadOnlyCollection<double> values)
    {
        if (values.Count < 2)
        {
            return 0;
        }

        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
