namespace Grading.Inference.Head;

/// <summary>
/// What one question's graded examples say about a new answer's score, learnt from all of them at once: kernel ridge
/// regressions of the score fraction on the answers' embeddings (a Gaussian kernel on cosine similarity), on their
/// terms (TF-IDF cosine over word stems and adjacent stem pairs, the IDF from the examples' answers) and on both.
/// Unlike the nearest neighbours, a regression weighs every example and learns which differences matter for this
/// question's scores. Width and penalty were chosen by leave-one-out error on SAF (see docs/encoder-head.md).
/// </summary>
internal sealed class ExampleRegression
{
    /// <summary>Width of the Gaussian kernel on cosine distance: k = exp((cos - 1) / width).</summary>
    public const double EmbeddingWidth = 0.4;

    /// <summary>Ridge penalty, in units of the kernels (each at most 1 on the diagonal plus the intercept).</summary>
    public const double Lambda = 0.1;

    // A constant added to every kernel: the regression's intercept, penalised like the rest.
    private const double Intercept = 1;

    private readonly IReadOnlyDictionary<string, double> _idf;
    private readonly double _unknownIdf;
    private readonly Dictionary<string, double>[] _wordVectors;
    private readonly KernelRidge _embedding;
    private readonly KernelRidge _words;
    private readonly KernelRidge _both;

    private ExampleRegression(
        IReadOnlyList<ContextExample> examples,
        IReadOnlyDictionary<string, double> idf,
        double unknownIdf,
        Dictionary<string, double>[] wordVectors,
        KernelRidge embedding,
        KernelRidge words,
        KernelRidge both)
    {
        Examples = examples;
        _idf = idf;
        _unknownIdf = unknownIdf;
        _wordVectors = wordVectors;
        _embedding = embedding;
        _words = words;
        _both = both;
    }

    /// <summary>The examples it was fitted on (the context checks it still holds the same list).</summary>
    public IReadOnlyList<ContextExample> Examples { get; }

    public static ExampleRegression Fit(IReadOnlyList<ContextExample> examples)
    {
        var n = examples.Count;
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in examples.SelectMany(example => example.AnswerTerms ?? Empty))
        {
            documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
        }

        var idf = documentFrequency.ToDictionary(pair => pair.Key, pair => Idf(n, pair.Value), StringComparer.Ordinal);
        var unknownIdf = Idf(n, 0);
        var wordVectors = examples.Select(example => WordVector(example.AnswerTerms ?? Empty, idf, unknownIdf)).ToArray();

        var embeddingGram = new double[n, n];
        var wordGram = new double[n, n];
        var bothGram = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var embedding = EmbeddingKernel(Embeddings.VectorMath.Dot(examples[i].Vector, examples[j].Vector));
                var words = Cosine(wordVectors[i], wordVectors[j]);
                embeddingGram[i, j] = embeddingGram[j, i] = embedding + Intercept;
                wordGram[i, j] = wordGram[j, i] = words + Intercept;
                bothGram[i, j] = bothGram[j, i] = (embedding + words) / 2 + Intercept;
            }
        }

        var targets = examples.Select(example => example.Fraction).ToArray();
        return new ExampleRegression(
            examples,
            idf,
            unknownIdf,
            wordVectors,
            KernelRidge.Fit(embeddingGram, targets, Lambda),
            KernelRidge.Fit(wordGram, targets, Lambda),
            KernelRidge.Fit(bothGram, targets, Lambda));
    }

    /// <summary>Fitted without example <paramref name="index"/>, exactly, as if it had never been graded (IDF aside: it uses no scores).</summary>
    public ExampleRegression Without(int index, IReadOnlyList<ContextExample> remaining) =>
        new(remaining, _idf, _unknownIdf, _wordVectors.Where((_, i) => i != index).ToArray(), _embedding.Without(index), _words.Without(index), _both.Without(index));

    /// <param name="similarities">Cosine similarity of the answer to each example, in order.</param>
    /// <param name="answerTerms">The answer's <see cref="Similarity.KeyTerms.StemsAndPairsOf"/>.</param>
    public RegressionPrediction Predict(IReadOnlyList<double> similarities, IReadOnlySet<string> answerTerms)
    {
        if (similarities.Count != Examples.Count)
        {
            throw new ArgumentException($"{similarities.Count} similarities for {Examples.Count} examples.", nameof(similarities));
        }

        var answer = WordVector(answerTerms, _idf, _unknownIdf);
        var n = similarities.Count;
        var embedding = new double[n];
        var words = new double[n];
        var both = new double[n];
        for (var j = 0; j < n; j++)
        {
            var e = EmbeddingKernel(similarities[j]);
            var w = Cosine(answer, _wordVectors[j]);
            embedding[j] = e + Intercept;
            words[j] = w + Intercept;
            both[j] = (e + w) / 2 + Intercept;
        }

        return new RegressionPrediction(_embedding.Predict(embedding), _words.Predict(words), _both.Predict(both));
    }

    private static readonly HashSet<string> Empty = [];

    private static double Idf(int documents, int frequency) => Math.Log((documents + 1.0) / (frequency + 1.0)) + 1;

    private static double EmbeddingKernel(double cosine) => Math.Exp((cosine - 1) / EmbeddingWidth);

    private static Dictionary<string, double> WordVector(IReadOnlySet<string> terms, IReadOnlyDictionary<string, double> idf, double unknownIdf)
    {
        var vector = terms.ToDictionary(term => term, term => idf.GetValueOrDefault(term, unknownIdf), StringComparer.Ordinal);
        var norm = Math.Sqrt(vector.Values.Sum(weight => weight * weight));
        foreach (var term in terms)
        {
            vector[term] /= norm;
        }

        return vector;
    }

    private static double Cosine(Dictionary<string, double> left, Dictionary<string, double> right)
    {
        if (left.Count > right.Count)
        {
            (left, right) = (right, left);
        }

        var sum = 0.0;
        foreach (var (word, weight) in left)
        {
            if (right.TryGetValue(word, out var other))
            {
                sum += weight * other;
            }
        }

        return sum;
    }
}

/// <summary>The score fraction each of the question's example regressions predicts for an answer.</summary>
internal readonly record struct RegressionPrediction(double Embedding, double Words, double Both);
