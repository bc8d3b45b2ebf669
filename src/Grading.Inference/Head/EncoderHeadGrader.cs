using Grading.Core.Domain;
using Grading.Core.Grading;
using Grading.Inference.Embeddings;
using Grading.Inference.Similarity;

namespace Grading.Inference.Head;

/// <summary>
/// The default CPU grader: MiniLM embeddings, question-relative features, and ML.NET heads for the score and the
/// label, trained on human grades (see docs/encoder-head.md). Feedback follows the predicted score. Reference answers
/// and graded examples are embedded once per question and cached; the answers of a chunk are embedded together.
/// </summary>
public sealed class EncoderHeadGrader : IGrader
{
    public const string GraderName = "minilm-head";

    /// <summary>An answer with fewer letters and digits than this cannot say much; it is graded but sent to review.</summary>
    public const int NearEmptyBelowCharacters = 3;

    /// <summary>Answers over this many times the longest reference may hide a wrong statement among right ones...</summary>
    public const double LongAnswerRatio = 3;

    /// <summary>...but only when long in absolute terms.</summary>
    public const int LongAnswerMinWords = 60;

    private readonly ITextEmbedder _embedder;
    private readonly EncoderHead _head;
    private readonly QuestionContextBuilder _contexts;

    /// <param name="embedder">Shared embedder; the grader does not own or dispose it.</param>
    public EncoderHeadGrader(ITextEmbedder embedder, EncoderHead head)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(head);
        _embedder = embedder;
        _head = head;
        _contexts = new QuestionContextBuilder(embedder);
    }

    public string Name => GraderName;

    /// <summary>Bump whenever feature, feedback or review rules change without the head file changing.</summary>
    public const int RulesVersion = 10;

    /// <summary>The encoder, the head file's hash and the rules: a retrained head or new rules make a new model version.</summary>
    public string ModelVersion => $"minilm-l6-v2+head-{_head.Version}+rules-{RulesVersion}";

    public Task<IReadOnlyList<GraderResult>> GradeAsync(IReadOnlyList<GradingRequest> requests, CancellationToken cancellationToken = default)
    {
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

        var contexts = new Dictionary<Question, QuestionContext>(ReferenceEqualityComparer.Instance);
        foreach (var request in requests)
        {
            ArgumentNullException.ThrowIfNull(request);
            if (!contexts.ContainsKey(request.Question))
            {
                contexts[request.Question] = _contexts.Get(request.Question, cancellationToken);
            }
        }

        var items = requests.Select(r => new HeadInput(r.Submission.Answer ?? string.Empty, null, contexts[r.Question])).ToArray();
        var toEmbed = Enumerable.Range(0, items.Length).Where(i => IsGradable(items[i])).ToArray();
        var encodings = _embedder.Encode(toEmbed.Select(i => items[i].Text).ToArray(), cancellationToken);
        for (var i = 0; i < toEmbed.Length; i++)
        {
            items[toEmbed[i]] = items[toEmbed[i]] with { Encoding = encodings[i] };
        }

        return Grade(items);
    }

    /// <summary>The question's embedded references and examples, built once and cached.</summary>
    internal QuestionContext ContextOf(Question question, CancellationToken cancellationToken = default) => _contexts.Get(question, cancellationToken);

    /// <summary>Grades answers already encoded (evaluation encodes every answer once for all folds).</summary>
    internal IReadOnlyList<GraderResult> Grade(IReadOnlyList<HeadInput> items)
    {
        var results = new GraderResult[items.Count];
        var withExamples = new List<int>();
        var referenceOnly = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!item.Context.HasReferences && !item.Context.HasExamples)
            {
                results[i] = new GraderResult(0, "Not graded: the question has no reference answer or graded example to compare with.", 0,
                    ["question has no reference answers or graded examples"]);
            }
            else if (item.Encoding is null)
            {
                results[i] = new GraderResult(0, SimilarityFeedback.NoAnswer, 1, ["answer is empty"], GradeLabel.Incorrect);
            }
            else
            {
                (item.Context.HasExamples ? withExamples : referenceOnly).Add(i);
            }
        }

        // The question's example fits are shared by all its answers: fit them once here, not once per racing thread.
        foreach (var context in withExamples.Select(i => items[i].Context).Distinct(ReferenceEqualityComparer.Instance).Cast<QuestionContext>())
        {
            _ = context.Regression;
            _ = FeedbackPool.Of(context.Examples);
        }

        // Answers are independent: one per core, as the encoder embeds them (grading from vectors is a quarter of the work).
        Parallel.ForEach(
            withExamples.Select(i => (Index: i, ExamplesHead: true)).Concat(referenceOnly.Select(i => (Index: i, ExamplesHead: false))),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            answer => results[answer.Index] = GradeEncoded(items[answer.Index], answer.ExamplesHead));
        return results;
    }

    private GraderResult GradeEncoded(HeadInput item, bool examplesHead)
    {
        // The answer's terms and its similarities with the graded examples are computed once, for its features and its
        // feedback; only graded examples have terms to compare them with.
        var terms = examplesHead ? AnswerTerms.Of(item.Text, item.Encoding!.Tokens, item.Context.ReferenceTokenStates) : AnswerTerms.None;
        var similarities = examplesHead ? item.Context.Regression.Compare(item.Encoding!.Vector, terms) : null;
        var features = similarities is not null
            ? HeadFeatures.WithExamples(item.Encoding!.Vector, item.Text, terms, similarities, item.Context)
            : HeadFeatures.ReferenceOnly(item.Encoding!.Vector, item.Text, item.Encoding.Tokens, item.Context);
        var prediction = (examplesHead ? _head.WithExamples : _head.ReferenceOnly).Predict([features])[0];
        var maxScore = item.Context.MaxScore;
        var score = Math.Clamp(prediction.Fraction * maxScore, 0, maxScore);
        var label = string.IsNullOrEmpty(prediction.Label) ? GradeLabel.FromFraction(prediction.Fraction) : prediction.Label;
        // Only graded examples show which steps tutors score in, and only the examples head's confidence is
        // calibrated well enough at the top to turn a sure "Correct" into full marks.
        if (examplesHead)
        {
            score = ScoreGrid.Snap(ScoreGrid.FullMarksWhenSure(score, maxScore, label, prediction.Confidence), item.Context.ScoreStep);
        }

        score = Math.Round(score, 3);
        var gradeFraction = maxScore > 0 ? score / maxScore : 0;
        label = LabelConsistency.WithScore(label, gradeFraction);
        var feedback = FeedbackComposer.Compose(item.Text, similarities, item.Context, prediction.Fraction, gradeFraction, label);
        return new GraderResult(score, feedback, prediction.Confidence, ReasonsFor(item), label);
    }

    private static List<string> ReasonsFor(HeadInput item)
    {
        var reasons = new List<string>();
        if (item.Text.Count(char.IsLetterOrDigit) < NearEmptyBelowCharacters)
        {
            reasons.Add("answer is nearly empty");
        }

        if (item.Context.HasReferences)
        {
            var words = WordCount.Of(item.Text);
            var longest = item.Context.ReferenceWordCounts.Max();
            if (words >= LongAnswerMinWords && words > LongAnswerRatio * longest)
            {
                reasons.Add($"answer is {words} words, over {LongAnswerRatio:0.#}x the longest reference answer ({longest} words)");
            }
        }

        return reasons;
    }

    private static bool IsGradable(HeadInput item) =>
        (item.Context.HasReferences || item.Context.HasExamples) && item.Text.Any(char.IsLetterOrDigit);
}

/// <summary>One answer to grade: its text, its encoding (null when empty), and its question's context.</summary>
internal sealed record HeadInput(string Text, TextEncoding? Encoding, QuestionContext Context);
