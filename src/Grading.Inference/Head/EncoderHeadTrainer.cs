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
        var vectors = embedder.Embed(texts, cancellationToken);
        var offset = 0;
        var result = new List<EmbeddedQuestion>();
        foreach (var question in questions)
        {
            result.Add(new EmbeddedQuestion(question, vectors[offset..(offset + question.Answers.Count)]));
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
            chosen.Select(i => question.Vectors[i]).ToArray(),
            chosen.Select(i => (string?)answers[i].LabelOrDerived(question.Source.Question.MaxScore)).ToArray(),
            cancellationToken);
    }

    internal EncoderHead Train(EmbeddedCorpus corpus, string trainedOn, HeadTrainingOptions options, IReadOnlyDictionary<EmbeddedQuestion, IReadOnlyList<int>>? trainingAnswers = null)
    {
        var exampleRows = new List<HeadRow>();
        var referenceRows = new List<HeadRow>();
        foreach (var question in corpus.Questions)
        {
            var indices = trainingAnswers is null
                ? Enumerable.Range(0, question.Source.Answers.Count).ToArray()
                : trainingAnswers.GetValueOrDefault(question) ?? [];
            if (indices.Count == 0)
            {
                continue;
            }

            var context = ContextOf(question, indices);
            var maxScore = question.Source.Question.MaxScore;
            for (var k = 0; k < indices.Count; k++)
            {
                var answer = question.Source.Answers[indices[k]];
                var vector = question.Vectors[indices[k]];
                var fraction = (float)Math.Clamp(maxScore > 0 ? answer.Score / maxScore : 0, 0, 1);
                var label = answer.LabelOrDerived(maxScore);
                var group = HeadRowGroups.QuestionPrefix + question.Source.Question.Id;
                referenceRows.Add(new HeadRow(HeadFeatures.ReferenceOnly(vector, answer.Text, context), fraction, label, group));
                if (indices.Count > 1)
                {
                    exampleRows.Add(new HeadRow(HeadFeatures.WithExamples(vector, answer.Text, context.Without(k)), fraction, label, group));
                }
            }
        }

        if (exampleRows.Count == 0 || referenceRows.Count == 0)
        {
            throw new InvalidOperationException("Too little data to train a head: it needs questions with at least two graded answers.");
        }

        var ml = new MLContext(seed: options.Seed);
        var withExamples = FeatureSetHead.Train(ml, Shuffle(exampleRows, options.Seed), options);
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

    // Rows come question by question; shuffling makes the by-row calibration folds mix questions.
    private static List<HeadRow> Shuffle(List<HeadRow> rows, int seed)
    {
        var random = new Random(seed);
        return rows.OrderBy(_ => random.Next()).Select(row => row with { Group = HeadRowGroups.AnswerPrefix }).ToList();
    }
}

/// <summary>Labelled questions with every answer embedded once.</summary>
internal sealed record EmbeddedCorpus(IReadOnlyList<EmbeddedQuestion> Questions);

/// <summary>A labelled question and the embedding of each of its answers, in order.</summary>
internal sealed class EmbeddedQuestion(LabelledQuestion source, float[][] vectors)
{
    public LabelledQuestion Source { get; } = source;

    public float[][] Vectors { get; } = vectors;
}
