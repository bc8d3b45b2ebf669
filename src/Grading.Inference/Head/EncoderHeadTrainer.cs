using Grading.Core.Domain;
using Grading.Inference.Embeddings;
using Microsoft.ML;

namespace Grading.Inference.Head;

/// <summary>
/// Trains the head from human-graded answers. Every answer becomes two rows: one with the other graded answers of its
/// question as examples (leave-one-out, as a new answer to a known question sees them) and one with reference answers only
/// (as an answer to a question nobody has graded yet).
/// </summary>
public sealed class EncoderHeadTrainer(ITextEmbedder embedder)
{
    private readonly QuestionContextBuilder _contexts = new(embedder);

    public EncoderHead Train(IReadOnlyList<LabelledQuestion> questions, string trainedOn, HeadTrainingOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new HeadTrainingOptions();
        var embedded = Embed(questions, cancellationToken);
        return Train(embedded, trainedOn, options);
    }

    internal EmbeddedCorpus Embed(IReadOnlyList<LabelledQuestion> questions, CancellationToken cancellationToken = default)
    {
        var texts = questions.SelectMany(q => q.Answers.Select(a => a.Text)).ToArray();
        var encodings = embedder.Encode(texts, cancellationToken);
        var offset = 0;
        var result = new List<EmbeddedQuestion>();
        foreach (var question in questions)
        {
            result.Add(new EmbeddedQuestion(question, encodings[offset..(offset + question.Answers.Count)]));
            offset += question.Answers.Count;
        }

        return new EmbeddedCorpus(result);
    }

    /// <summary>The question's context with the given answers as its graded examples (null: no examples).</summary>
    internal QuestionContext ContextOf(EmbeddedQuestion question, IReadOnlyList<int>? exampleAnswers, CancellationToken cancellationToken = default)
    {
        var chosen = exampleAnswers ?? [];
        var answers = question.Source.Answers;
        var withExamples = question.Source.Question with
        {
            Examples = chosen.Select(i => new GradedExample(answers[i].Text, answers[i].Score, answers[i].Feedback)).ToArray(),
        };
        return _contexts.Build(
            withExamples,
            chosen.Select(i => question.Encodings[i]).ToArray(),
            chosen.Select(i => (string?)answers[i].LabelOrDerived(question.Source.Question.MaxScore)).ToArray(),
            cancellationToken);
    }

    internal EncoderHead Train(EmbeddedCorpus corpus, string trainedOn, HeadTrainingOptions options, IReadOnlyDictionary<EmbeddedQuestion, IReadOnlyList<int>>? trainingAnswers = null)
    {
        var selected = corpus.Questions
            .Select(question => (Question: question, Answers: trainingAnswers is null
                ? Enumerable.Range(0, question.Source.Answers.Count).ToArray()
                : trainingAnswers.GetValueOrDefault(question) ?? []))
            .Where(pair => pair.Answers.Count > 0)
            .ToArray();
        // Question by question in parallel (aligning every answer's tokens with every other's is most of the work), in
        // the questions' order, so the rows and the head are the same as one at a time.
        var rowsByQuestion = selected.AsParallel().AsOrdered().Select(pair =>
        {
            var (question, indices) = pair;
            var context = ContextOf(question, indices);
            return (
                Examples: ExampleRows(question, indices, context).ToArray(),
                References: indices.Select(i => RowOf(question, i, HeadFeatures.ReferenceOnly(question.Vectors[i], question.Source.Answers[i].Text, question.Encodings[i].Tokens, context))).ToArray());
        }).ToArray();
        var exampleRows = rowsByQuestion.SelectMany(rows => rows.Examples).ToList();
        var referenceRows = rowsByQuestion.SelectMany(rows => rows.References).ToList();

        if (exampleRows.Count == 0 || referenceRows.Count == 0)
        {
            throw new InvalidOperationException("Too little data to train a head: it needs questions with at least two graded answers.");
        }

        var ml = new MLContext(seed: options.Seed);
        var withExamples = FeatureSetHead.Train(ml, Shuffle(exampleRows, options.Seed), options, CalibrationFolds(selected, options.Seed));
        var referenceOnly = FeatureSetHead.Train(ml, referenceRows, options.ForReferenceOnly());
        var manifest = new HeadManifest(
            HeadManifest.CurrentFormatVersion,
            trainedOn,
            corpus.Questions.Count,
            referenceRows.Count,
            HeadFeatures.WithExamplesNames,
            HeadFeatures.ReferenceOnlyNames,
            withExamples.Calibration,
            referenceOnly.Calibration,
            options);
        return new EncoderHead(ml, withExamples, referenceOnly, manifest, "unsaved");
    }

    /// <summary>
    /// Folds for calibrating the examples head as it is used: answers held out of a fold are graded against the other
    /// answers only, and are nobody's example in the rows the fold trains on. Rows built from all answers at once
    /// (each leaving only itself out) make near-duplicate answers each other's nearest example in training and test
    /// alike, so out-of-fold certainty looked better than it is on new answers (reliability 0.96 claimed, 0.80 seen).
    /// </summary>
    private IEnumerable<(IReadOnlyList<HeadRow> Train, IReadOnlyList<HeadRow> Test)> CalibrationFolds(
        IReadOnlyList<(EmbeddedQuestion Question, IReadOnlyList<int> Answers)> selected, int seed, int folds = CalibrationFoldCount)
    {
        var random = new Random(seed);
        var foldOf = selected.Select(pair => StratifiedFolds(pair.Question, pair.Answers, folds, random)).ToArray();
        for (var fold = 0; fold < folds; fold++)
        {
            var rowsByQuestion = Enumerable.Range(0, selected.Count).AsParallel().AsOrdered().Select(q =>
            {
                var (question, answers) = selected[q];
                var kept = answers.Where((_, k) => foldOf[q][k] != fold).ToArray();
                var heldOut = answers.Where((_, k) => foldOf[q][k] == fold).ToArray();
                if (kept.Length < 2)
                {
                    return (Train: Array.Empty<HeadRow>(), Test: Array.Empty<HeadRow>());
                }

                var context = ContextOf(question, kept);
                return (
                    Train: ExampleRows(question, kept, context).ToArray(),
                    Test: heldOut.Select(i => RowOf(question, i, ExampleFeatures(question, i, context))).ToArray());
            }).ToArray();

            yield return (rowsByQuestion.SelectMany(rows => rows.Train).ToList(), rowsByQuestion.SelectMany(rows => rows.Test).ToList());
        }
    }

    public const int CalibrationFoldCount = 5;

    /// <summary>A fold for each answer, spreading every score level of the question over the folds.</summary>
    internal static int[] StratifiedFolds(EmbeddedQuestion question, IReadOnlyList<int> answers, int folds, Random random)
    {
        var order = Enumerable.Range(0, answers.Count).OrderBy(k => question.Source.Answers[answers[k]].Score).ThenBy(_ => random.Next()).ToArray();
        var offset = random.Next(folds);
        var result = new int[answers.Count];
        for (var k = 0; k < order.Length; k++)
        {
            result[order[k]] = (k + offset) % folds;
        }

        return result;
    }

    /// <summary>Rows of the examples head: each answer against the others (leave-one-out), as a new answer sees them.</summary>
    private static IEnumerable<HeadRow> ExampleRows(EmbeddedQuestion question, IReadOnlyList<int> indices, QuestionContext context)
    {
        if (indices.Count < 2)
        {
            yield break;
        }

        for (var k = 0; k < indices.Count; k++)
        {
            var i = indices[k];
            yield return RowOf(question, i, ExampleFeatures(question, i, context.Without(k)));
        }
    }

    private static float[] ExampleFeatures(EmbeddedQuestion question, int answerIndex, QuestionContext context)
    {
        var text = question.Source.Answers[answerIndex].Text;
        var terms = AnswerTerms.Of(text, question.Encodings[answerIndex].Tokens, context.ReferenceTokenStates);
        var similarities = context.Regression.Compare(question.Vectors[answerIndex], terms);
        return HeadFeatures.WithExamples(question.Vectors[answerIndex], text, terms, similarities, context);
    }

    private static HeadRow RowOf(EmbeddedQuestion question, int answerIndex, float[] features)
    {
        var answer = question.Source.Answers[answerIndex];
        var maxScore = question.Source.Question.MaxScore;
        var fraction = (float)Math.Clamp(maxScore > 0 ? answer.Score / maxScore : 0, 0, 1);
        return new HeadRow(features, fraction, answer.LabelOrDerived(maxScore), HeadRowGroups.QuestionPrefix + question.Source.Question.Id);
    }

    // Rows come question by question; shuffling makes the by-row calibration folds mix questions.
    private static List<HeadRow> Shuffle(List<HeadRow> rows, int seed)
    {
        var random = new Random(seed);
        return rows.OrderBy(_ => random.Next()).Select(row => row with { Group = HeadRowGroups.AnswerPrefix }).ToList();
    }
}

/// <summary>Labelled questions with every answer encoded once.</summary>
internal sealed record EmbeddedCorpus(IReadOnlyList<EmbeddedQuestion> Questions);

/// <summary>A labelled question and the encoding of each of its answers, in order.</summary>
internal sealed class EmbeddedQuestion(LabelledQuestion source, TextEncoding[] encodings)
{
    public LabelledQuestion Source { get; } = source;

    public TextEncoding[] Encodings { get; } = encodings;

    /// <summary>Each answer's sentence vector, in order.</summary>
    public float[][] Vectors { get; } = encodings.Select(encoding => encoding.Vector).ToArray();
}
