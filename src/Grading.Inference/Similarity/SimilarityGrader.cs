using Grading.Core.Domain;
using Grading.Core.Grading;
using Grading.Inference.Embeddings;

namespace Grading.Inference.Similarity;

/// <summary>
/// Scores an answer by how close its MiniLM embedding is to the reference answers, pulled towards the scores teachers
/// gave the most similar graded examples when the question has any. Reference and example embeddings are cached per
/// question; the answers of a chunk are embedded in batched calls.
/// </summary>
public sealed class SimilarityGrader : IGrader
{
    public const string GraderName = "minilm-similarity";

    /// <summary>Bump the suffix whenever calibration, blending or feedback rules change, so re-grading picks it up.</summary>
    public const string GraderModelVersion = "minilm-l6-v2+similarity-1";

    /// <summary>The most say graded examples get over the reference answers, reached when one is nearly identical to the answer.</summary>
    public const double MaxExampleWeight = 0.6;

    /// <summary>Below this similarity the nearest example is about something else and says little about this answer.</summary>
    public const double ExampleRelevantFromSimilarity = 0.5;

    /// <summary>From this similarity the nearest example is close enough to carry <see cref="MaxExampleWeight"/>.</summary>
    public const double ExampleFullyRelevantSimilarity = 0.85;

    /// <summary>An answer with fewer letters and digits than this cannot say much; it is graded but sent to review.</summary>
    public const int NearEmptyBelowCharacters = 3;

    /// <summary>Answers over this many times the longest reference may hide a wrong statement among right ones.</summary>
    public const double LongAnswerRatio = 3;

    /// <summary>...but only flag when the answer is long in absolute terms, not a three-word answer to a one-word reference.</summary>
    public const int LongAnswerMinWords = 60;

    // Confidence spans this range: even a decisive similarity is only a proxy for a tutor's judgement.
    private const double ConfidenceFloor = 0.3;
    private const double ConfidenceCeiling = 0.95;

    private readonly ITextEmbedder _embedder;
    private readonly QuestionEmbeddingCache _questionCache;

    /// <param name="embedder">Shared embedder; the grader does not own or dispose it.</param>
    public SimilarityGrader(ITextEmbedder embedder)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        _embedder = embedder;
        _questionCache = new QuestionEmbeddingCache(embedder);
    }

    public string Name => GraderName;

    public string ModelVersion => GraderModelVersion;

    public Task<IReadOnlyList<GraderResult>> GradeAsync(IReadOnlyList<GradingRequest> requests, CancellationToken cancellationToken = default)
    {
        // The work is CPU-bound and the embedder serialises it anyway; running it on the caller's thread avoids a hop.
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<IReadOnlyList<GraderResult>>(cancellationToken);
        }

        try
        {
            return Task.FromResult(Grade(requests, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<IReadOnlyList<GraderResult>>(cancellationToken);
        }
        catch (Exception exception)
        {
            return Task.FromException<IReadOnlyList<GraderResult>>(exception);
        }
    }

    private IReadOnlyList<GraderResult> Grade(IReadOnlyList<GradingRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            return [];
        }

        var questions = new Dictionary<Question, QuestionEmbeddings>(ReferenceEqualityComparer.Instance);
        foreach (var request in requests)
        {
            ArgumentNullException.ThrowIfNull(request);
            if (!questions.ContainsKey(request.Question))
            {
                questions[request.Question] = _questionCache.Get(request.Question, cancellationToken);
            }
        }

        var toEmbed = Enumerable.Range(0, requests.Count)
            .Where(i => !IsEmpty(requests[i].Submission.Answer) && IsGradable(questions[requests[i].Question]))
            .ToArray();
        var vectors = _embedder.Embed(toEmbed.Select(i => requests[i].Submission.Answer).ToArray(), cancellationToken);
        var answerVectors = new float[]?[requests.Count];
        for (var i = 0; i < toEmbed.Length; i++)
        {
            answerVectors[toEmbed[i]] = vectors[i];
        }

        return requests.Select((request, i) => GradeOne(request, questions[request.Question], answerVectors[i])).ToArray();
    }

    private static GraderResult GradeOne(GradingRequest request, QuestionEmbeddings question, float[]? answerVector)
    {
        var answer = request.Submission.Answer ?? string.Empty;
        if (!IsGradable(question))
        {
            return new GraderResult(0, "Not graded: the question has no reference answer or graded example to compare with.", 0,
                ["question has no reference answers or graded examples"]);
        }

        if (answerVector is null)
        {
            return new GraderResult(0, SimilarityFeedback.NoAnswer, ConfidenceCeiling, ["answer is empty"], GradeLabel.Incorrect);
        }

        var maxScore = request.Question.MaxScore;
        var reasons = new List<string>();
        if (CountLettersAndDigits(answer) < NearEmptyBelowCharacters)
        {
            reasons.Add("answer is nearly empty");
        }

        var (fraction, confidence, bestReference) = Estimate(question, answerVector);
        var score = SimilarityCalibration.RoundScore(fraction, maxScore);
        var label = GradeLabel.FromFraction(maxScore > 0 ? score / maxScore : 0);

        IReadOnlyList<KeyTerm> covered = [];
        IReadOnlyList<KeyTerm> missed = [];
        if (bestReference >= 0)
        {
            var answerStems = KeyTerms.StemsOf(answer);
            var terms = question.ReferenceKeyTerms[bestReference];
            covered = terms.Where(term => KeyTerms.IsCoveredBy(term, answerStems)).ToArray();
            missed = terms.Where(term => !KeyTerms.IsCoveredBy(term, answerStems)).ToArray();

            var answerWords = WordCount.Of(answer);
            var longestReference = question.ReferenceWordCounts.Max();
            if (answerWords >= LongAnswerMinWords && answerWords > LongAnswerRatio * longestReference)
            {
                reasons.Add($"answer is {answerWords} words, over {LongAnswerRatio:0.#}x the longest reference answer ({longestReference} words)");
            }
        }

        var feedback = SimilarityFeedback.Compose(label, covered, missed, comparedWithReference: bestReference >= 0);
        return new GraderResult(score, feedback, confidence, reasons, label);
    }

    /// <returns>The unrounded score fraction, the confidence, and the index of the closest reference answer (-1 without references).</returns>
    private static (double Fraction, double Confidence, int BestReference) Estimate(QuestionEmbeddings question, float[] answerVector)
    {
        var bestReference = -1;
        var bestSimilarity = double.NegativeInfinity;
        for (var r = 0; r < question.ReferenceVectors.Count; r++)
        {
            var similarity = VectorMath.Dot(answerVector, question.ReferenceVectors[r]);
            if (similarity > bestSimilarity)
            {
                (bestSimilarity, bestReference) = (similarity, r);
            }
        }

        var referenceFraction = bestReference >= 0 ? SimilarityCalibration.ToFraction(bestSimilarity) : 0;
        var referenceConfidence = bestReference >= 0 ? Scale(SimilarityCalibration.Decisiveness(bestSimilarity)) : 0;
        if (!question.HasExamples)
        {
            return (referenceFraction, referenceConfidence, bestReference);
        }

        var examples = NearestExampleEstimate.From(answerVector, question.ExampleVectors, question.ExampleFractions);
        var relevance = SimilarityCalibration.Ramp(examples.NearestSimilarity, ExampleRelevantFromSimilarity, ExampleFullyRelevantSimilarity);
        if (bestReference < 0)
        {
            // Examples are all there is: trust them as far as they agree and resemble the answer.
            return (examples.Fraction, Scale(examples.Agreement * relevance), bestReference);
        }

        var exampleWeight = MaxExampleWeight * relevance;
        var fraction = (1 - exampleWeight) * referenceFraction + exampleWeight * examples.Fraction;
        // Examples raise confidence when they agree with each other and with the reference-based score.
        var exampleConfidence = Scale(examples.Agreement * (1 - Math.Abs(examples.Fraction - referenceFraction)));
        var confidence = (1 - exampleWeight) * referenceConfidence + exampleWeight * exampleConfidence;
        return (fraction, confidence, bestReference);
    }

    private static double Scale(double certainty) => ConfidenceFloor + (ConfidenceCeiling - ConfidenceFloor) * Math.Clamp(certainty, 0, 1);

    private static bool IsGradable(QuestionEmbeddings question) => question.HasReferences || question.HasExamples;

    private static bool IsEmpty(string? answer) => answer is null || CountLettersAndDigits(answer) == 0;

    private static int CountLettersAndDigits(string text) => text.Count(char.IsLetterOrDigit);
}
