using System.Runtime.CompilerServices;
using Grading.Inference.Embeddings;
using Grading.Inference.Similarity;

namespace Grading.Inference.Head;

/// <summary>
/// What one question's graded examples say about a new answer's score, learnt from all of them at once: kernel ridge
/// regressions of the score fraction on the answers' content vectors (<see cref="EmbeddingSimilarity"/>, a Gaussian
/// kernel on cosine similarity), on their words (TF-IDF cosine over word stems and adjacent stem pairs), on their
/// character 4-grams (TF-IDF cosine), on all three (the mean kernel), on their token alignment (the square of
/// <see cref="AnswerTerms.Alignment"/>: their content word pieces, each weighted by how close it comes to a reference
/// answer), and on the mean of all four kernels. The mean and token kernels also regress whether an example got full
/// marks and whether it got none, and the mean kernel gives the answer's posterior variance (how far it is from every
/// example). <see cref="Compare"/> gives the answer's similarities with each example once, for these regressions, the
/// token neighbours and the feedback. Unlike the nearest neighbours, a regression weighs every example and learns which differences matter for
/// this question's scores. Widths and penalties were chosen by leave-one-out error on SAF (see docs/encoder-head.md).
/// </summary>
internal sealed class ExampleRegression
{
    /// <summary>Width of the Gaussian kernel on cosine distance: k = exp((cos - 1) / width).</summary>
    public const double EmbeddingWidth = 0.4;

    /// <summary>Ridge penalty, in units of the kernels (each at most 1 on the diagonal plus the intercept).</summary>
    public const double Lambda = 0.1;

    /// <summary>
    /// The token kernel's penalty: its squared alignment of content pieces regressed best with less (leave-one-out RMSE
    /// on SAF train 0.1852 at 0.03, 0.1860 at 0.1; all pieces, linear, as before: 0.1896 at 0.1).
    /// </summary>
    public const double TokenLambda = 0.03;

    // A constant added to every kernel: the regression's intercept, penalised like the rest.
    private const double Intercept = 1;

    // Fitted once per example list, as FeedbackPool is built once per list; Without registers the list it leaves.
    private static readonly ConditionalWeakTable<IReadOnlyList<ContextExample>, ExampleRegression> Fitted = new();

    private readonly TfIdfSpace _words;
    private readonly TfIdfSpace _characters;
    private readonly KernelRidge _embeddingFit;
    private readonly KernelRidge _wordFit;
    private readonly KernelRidge _characterFit;
    private readonly KernelRidge _allFit;
    private readonly KernelRidge _tokenFit;
    private readonly KernelRidge _everyFit;

    private ExampleRegression(
        IReadOnlyList<ContextExample> examples,
        TfIdfSpace words,
        TfIdfSpace characters,
        KernelRidge embeddingFit,
        KernelRidge wordFit,
        KernelRidge characterFit,
        KernelRidge allFit,
        KernelRidge tokenFit,
        KernelRidge everyFit)
    {
        Examples = examples;
        _words = words;
        _characters = characters;
        _embeddingFit = embeddingFit;
        _wordFit = wordFit;
        _characterFit = characterFit;
        _allFit = allFit;
        _tokenFit = tokenFit;
        _everyFit = everyFit;
    }

    /// <summary>The examples it was fitted on.</summary>
    public IReadOnlyList<ContextExample> Examples { get; }

    /// <summary>The regressions of this exact example list, fitted on first use (other lists get their own).</summary>
    public static ExampleRegression Of(IReadOnlyList<ContextExample> examples) => Fitted.GetValue(examples, Fit);

    public static ExampleRegression Fit(IReadOnlyList<ContextExample> examples)
    {
        var n = examples.Count;
        var terms = examples.Select(example => example.AnswerTerms ?? AnswerTerms.None).ToArray();
        var words = TfIdfSpace.Of(terms.Select(t => t.Words).ToArray());
        var characters = TfIdfSpace.Of(terms.Select(t => t.Characters).ToArray());
        var embeddingGram = new double[n, n];
        var wordGram = new double[n, n];
        var characterGram = new double[n, n];
        var allGram = new double[n, n];
        var tokenGram = new double[n, n];
        var everyGram = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var kernels = Kernels(
                    EmbeddingSimilarity(examples[i].Vector, terms[i], examples[j].Vector, terms[j]),
                    TfIdfSpace.Cosine(words.Examples[i], words.Examples[j]),
                    TfIdfSpace.Cosine(characters.Examples[i], characters.Examples[j]),
                    AnswerTerms.Alignment(terms[i], terms[j]));
                embeddingGram[i, j] = embeddingGram[j, i] = kernels.Embedding;
                wordGram[i, j] = wordGram[j, i] = kernels.Words;
                characterGram[i, j] = characterGram[j, i] = kernels.Characters;
                allGram[i, j] = allGram[j, i] = kernels.All;
                tokenGram[i, j] = tokenGram[j, i] = kernels.Tokens;
                everyGram[i, j] = everyGram[j, i] = kernels.Every;
            }
        }

        var targets = examples.Select(example => example.Fraction).ToArray();
        var fullMarks = examples.Select(example => example.Fraction >= HeadFeatures.FullFraction ? 1.0 : 0.0).ToArray();
        var noMarks = examples.Select(example => example.Fraction <= HeadFeatures.ZeroFraction ? 1.0 : 0.0).ToArray();
        return new ExampleRegression(
            examples,
            words,
            characters,
            KernelRidge.Fit(embeddingGram, targets, Lambda),
            KernelRidge.Fit(wordGram, targets, Lambda),
            KernelRidge.Fit(characterGram, targets, Lambda),
            KernelRidge.Fit(allGram, [targets, fullMarks, noMarks], Lambda),
            KernelRidge.Fit(tokenGram, [targets, fullMarks, noMarks], TokenLambda),
            KernelRidge.Fit(everyGram, targets, Lambda));
    }

    /// <summary>
    /// Fitted without example <paramref name="index"/>, exactly, as if it had never been graded (the IDF aside: it uses
    /// no scores). Its <see cref="Examples"/> is a new list, registered so that <see cref="Of"/> finds this fit for it.
    /// </summary>
    public ExampleRegression Without(int index)
    {
        var remaining = Examples.Where((_, i) => i != index).ToArray();
        var regression = new ExampleRegression(
            remaining,
            _words.Without(index),
            _characters.Without(index),
            _embeddingFit.Without(index),
            _wordFit.Without(index),
            _characterFit.Without(index),
            _allFit.Without(index),
            _tokenFit.Without(index),
            _everyFit.Without(index));
        Fitted.AddOrUpdate(remaining, regression);
        return regression;
    }

    /// <summary>
    /// What the embedding kernel compares: the cosine of two answers' content vectors (<see cref="AnswerTerms.ContentVector"/>),
    /// or of their sentence vectors where either has none. Without the stop-words and punctuation every answer shares,
    /// the kernel regresses better (leave-one-out RMSE on SAF train 0.1906 against 0.2006 for the sentence vectors).
    /// </summary>
    public static double EmbeddingSimilarity(float[] vector, AnswerTerms? terms, float[] otherVector, AnswerTerms? otherTerms) =>
        terms?.ContentVector is { } content && otherTerms?.ContentVector is { } otherContent
            ? VectorMath.Dot(content, otherContent)
            : VectorMath.Dot(vector, otherVector);

    /// <summary>How an answer compares with each example: what the kernels, the token neighbours and the feedback weigh.</summary>
    /// <param name="answer">The answer's sentence vector.</param>
    /// <param name="terms">The answer's terms.</param>
    public ExampleSimilarities Compare(float[] answer, AnswerTerms terms)
    {
        var words = _words.VectorOf(terms.Words);
        var characters = _characters.VectorOf(terms.Characters);
        return new ExampleSimilarities(
            Examples.Select(example => EmbeddingSimilarity(answer, terms, example.Vector, example.AnswerTerms)).ToArray(),
            _words.Examples.Select(example => TfIdfSpace.Cosine(words, example)).ToArray(),
            _characters.Examples.Select(example => TfIdfSpace.Cosine(characters, example)).ToArray(),
            Examples.Select(example => AnswerTerms.Alignment(terms, example.AnswerTerms ?? AnswerTerms.None)).ToArray());
    }

    /// <param name="similarities">The answer's <see cref="Compare"/> with these examples.</param>
    public RegressionPrediction Predict(ExampleSimilarities similarities)
    {
        var n = Examples.Count;
        if (similarities.Count != n)
        {
            throw new ArgumentException($"Similarities with {similarities.Count} examples for {n} examples.", nameof(similarities));
        }

        var embedding = new double[n];
        var word = new double[n];
        var character = new double[n];
        var all = new double[n];
        var tokens = new double[n];
        var every = new double[n];
        for (var j = 0; j < n; j++)
        {
            var kernels = Kernels(similarities.Embedding[j], similarities.Words[j], similarities.Characters[j], similarities.Alignments[j]);
            embedding[j] = kernels.Embedding;
            word[j] = kernels.Words;
            character[j] = kernels.Characters;
            all[j] = kernels.All;
            tokens[j] = kernels.Tokens;
            every[j] = kernels.Every;
        }

        return new RegressionPrediction(
            _embeddingFit.Predict(embedding),
            _wordFit.Predict(word),
            _characterFit.Predict(character),
            _allFit.Predict(all, target: 0),
            _allFit.Predict(all, target: 1),
            _allFit.Predict(all, target: 2),
            _allFit.Uncertainty(all, Kernels(1, 1, 1, 1).All),
            _tokenFit.Predict(tokens, target: 0),
            _tokenFit.Predict(tokens, target: 1),
            _tokenFit.Predict(tokens, target: 2),
            _everyFit.Predict(every));
    }

    /// <summary>Every kernel's value for one pair of answers; "All" is the mean of the first three, "Every" of all four.</summary>
    private static (double Embedding, double Words, double Characters, double All, double Tokens, double Every) Kernels(
        double cosine, double words, double characters, double alignment)
    {
        var embedding = Math.Exp((cosine - 1) / EmbeddingWidth);
        // Squared, the alignment separates close answers more than distant ones (leave-one-out RMSE 0.1869 against
        // 0.1896 linear over all pieces; a Gaussian on 1 - F1 was worse at every width tried, 0.1875 at best).
        var tokens = Math.Max(alignment, 0) * Math.Max(alignment, 0);
        return (
            embedding + Intercept,
            words + Intercept,
            characters + Intercept,
            ((embedding + words + characters) / 3) + Intercept,
            tokens + Intercept,
            ((embedding + words + characters + tokens) / 4) + Intercept);
    }
}

/// <summary>
/// What the question's example regressions predict for an answer: the score fraction on each kernel, on the mean and
/// token kernels the chance of full and of no marks, and the mean kernel's posterior variance.
/// </summary>
internal readonly record struct RegressionPrediction(
    double Embedding,
    double Words,
    double Characters,
    double All,
    double FullMarks,
    double NoMarks,
    double Uncertainty,
    double Tokens,
    double TokensFullMarks,
    double TokensNoMarks,
    double Every);
