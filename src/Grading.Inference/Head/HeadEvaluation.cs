using Grading.Core.Grading;
using Grading.Core.Metrics;
using Grading.Inference.Embeddings;

namespace Grading.Inference.Head;

/// <summary>
/// Measures the head against human grades: cross-validation by answer (new answers to questions with graded examples)
/// or by question (questions never seen, reference answers only), and train/test on separate sets. Every answer is
/// embedded once for all folds.
/// </summary>
public sealed class HeadEvaluation(ITextEmbedder embedder, HeadTrainingOptions? options = null, double reviewBelowConfidence = HeadEvaluation.DefaultReviewBelowConfidence)
{
    /// <summary>The grading pipeline's default review threshold (Grading:ReviewBelowConfidence).</summary>
    public const double DefaultReviewBelowConfidence = 0.35;

    private readonly EncoderHeadTrainer _trainer = new(embedder);
    private readonly HeadTrainingOptions _options = options ?? new HeadTrainingOptions();

    /// <summary>Told what is happening (embedding, each fold), for a command's progress line.</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>
    /// Grades each fold's held-out answers with a head trained on the other folds, and gives the same answers to the
    /// <see cref="BaselineMetrics"/> reference graders with the same examples.
    /// </summary>
    public HeadEvaluationRun CrossValidate(IReadOnlyList<LabelledQuestion> questions, CrossValidationMode mode, int folds, int seed = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        Progress?.Invoke($"embedding {questions.Sum(q => q.Answers.Count)} answers");
        var corpus = _trainer.Embed(questions, cancellationToken);
        var foldOf = FoldsOf(corpus, mode, folds, seed);
        var results = new List<EvaluatedAnswer>();
        var baselines = new List<BaselinePrediction>();
        for (var fold = 0; fold < folds; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var training = corpus.Questions.ToDictionary(
                q => q,
                q => (IReadOnlyList<int>)Enumerable.Range(0, q.Source.Answers.Count).Where(i => foldOf[q][i] != fold).ToArray());
            var meanFraction = MeanFraction(training.SelectMany(pair => pair.Value.Select(i => (pair.Key, i))));
            Progress?.Invoke($"fold {fold + 1}/{folds}: training");
            var head = _trainer.Train(corpus, "cross-validation fold", _options, training);
            var grader = new EncoderHeadGrader(embedder, head);
            foreach (var question in corpus.Questions)
            {
                var test = Enumerable.Range(0, question.Source.Answers.Count).Where(i => foldOf[question][i] == fold).ToArray();
                if (test.Length == 0)
                {
                    continue;
                }

                var examples = mode == CrossValidationMode.Answers ? training[question] : null;
                var context = _trainer.ContextOf(question, examples, cancellationToken);
                results.AddRange(Evaluate(grader, question, test, context));
                baselines.AddRange(test.Select(i => Baseline(question, i, question, examples ?? [], meanFraction)));
            }
        }

        return new HeadEvaluationRun(results, baselines);
    }

    /// <summary>
    /// Grades <paramref name="test"/> with <paramref name="head"/>, and gives the same answers to the
    /// <see cref="BaselineMetrics"/> reference graders; a test question also in <paramref name="train"/> (same id) gets its
    /// graded answers as examples.
    /// </summary>
    public HeadEvaluationRun TrainTest(IReadOnlyList<LabelledQuestion> train, IReadOnlyList<LabelledQuestion> test, EncoderHead head, CancellationToken cancellationToken = default)
    {
        var trainCorpus = _trainer.Embed(train, cancellationToken);
        var testCorpus = _trainer.Embed(test, cancellationToken);
        var trainById = trainCorpus.Questions.GroupBy(q => q.Source.Question.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var meanFraction = MeanFraction(trainCorpus.Questions.SelectMany(q => Enumerable.Range(0, q.Source.Answers.Count).Select(i => (q, i))));
        var grader = new EncoderHeadGrader(embedder, head);
        var results = new List<EvaluatedAnswer>();
        var baselines = new List<BaselinePrediction>();
        foreach (var question in testCorpus.Questions)
        {
            var answers = Enumerable.Range(0, question.Source.Answers.Count).ToArray();
            QuestionContext context;
            if (trainById.TryGetValue(question.Source.Question.Id, out var known))
            {
                // The known question's graded answers are the examples; its max score stays the one the test set implies.
                var examples = Enumerable.Range(0, known.Source.Answers.Count).ToArray();
                context = _trainer.ContextOf(known, examples, cancellationToken) with { MaxScore = question.Source.Question.MaxScore };
                baselines.AddRange(answers.Select(i => Baseline(question, i, known, examples, meanFraction)));
            }
            else
            {
                context = _trainer.ContextOf(question, null, cancellationToken);
                baselines.AddRange(answers.Select(i => Baseline(question, i, question, [], meanFraction)));
            }

            results.AddRange(Evaluate(grader, question, answers, context));
        }

        return new HeadEvaluationRun(results, baselines);
    }

    public EncoderHead Train(IReadOnlyList<LabelledQuestion> questions, string trainedOn, CancellationToken cancellationToken = default) =>
        _trainer.Train(questions, trainedOn, _options, cancellationToken).Reloaded();

    private static Dictionary<EmbeddedQuestion, int[]> FoldsOf(EmbeddedCorpus corpus, CrossValidationMode mode, int folds, int seed)
    {
        var random = new Random(seed);
        var foldOf = new Dictionary<EmbeddedQuestion, int[]>();
        var questionOrder = corpus.Questions.OrderBy(_ => random.Next()).ToArray();
        for (var q = 0; q < questionOrder.Length; q++)
        {
            var question = questionOrder[q];
            var count = question.Source.Answers.Count;
            foldOf[question] = mode == CrossValidationMode.Questions
                ? Enumerable.Repeat(q % folds, count).ToArray()
                : EncoderHeadTrainer.StratifiedFolds(question, Enumerable.Range(0, count).ToArray(), folds, random);
        }

        return foldOf;
    }

    private static double MeanFraction(IEnumerable<(EmbeddedQuestion Question, int Answer)> answers)
    {
        var fractions = answers.Where(a => a.Question.Source.Question.MaxScore > 0)
            .Select(a => a.Question.Source.Answers[a.Answer].Score / a.Question.Source.Question.MaxScore)
            .ToArray();
        return fractions.Length == 0 ? 0 : fractions.Average();
    }

    /// <param name="examples">The graded answers of <paramref name="source"/> it may draw on; none for an unseen question.</param>
    /// <param name="meanFraction">The mean score fraction of all graded answers, for a question without examples.</param>
    private static BaselinePrediction Baseline(EmbeddedQuestion question, int answer, EmbeddedQuestion source, IReadOnlyList<int> examples, double meanFraction)
    {
        var maxScore = question.Source.Question.MaxScore;
        var held = question.Source.Answers[answer];
        if (examples.Count == 0)
        {
            return new BaselinePrediction(held.Id, question.Source.Question.Id, maxScore, held.Score, held.Feedback, meanFraction * maxScore, null, null);
        }

        // Scores as fractions of the examples' own max score, so a test set that implies another max score compares.
        var exampleMax = source.Source.Question.MaxScore;
        double FractionOf(int example) => exampleMax > 0 ? source.Source.Answers[example].Score / exampleMax : 0;
        var nearest = examples.OrderByDescending(j => Cosine(question.Vectors[answer], source.Vectors[j])).ToArray();
        var neighbourScores = BaselineMetrics.Neighbours.Select(k => nearest.Take(k).Average(FractionOf) * maxScore).ToArray();
        return new BaselinePrediction(
            held.Id,
            question.Source.Question.Id,
            maxScore,
            held.Score,
            held.Feedback,
            examples.Average(FractionOf) * maxScore,
            neighbourScores,
            source.Source.Answers[nearest[0]].Feedback);
    }

    private static double Cosine(float[] left, float[] right)
    {
        var norms = Math.Sqrt(VectorMath.Dot(left, left) * VectorMath.Dot(right, right));
        return norms > 0 ? VectorMath.Dot(left, right) / norms : 0;
    }

    private IEnumerable<EvaluatedAnswer> Evaluate(EncoderHeadGrader grader, EmbeddedQuestion question, int[] test, QuestionContext context)
    {
        var answers = question.Source.Answers;
        var inputs = test.Select(i => new HeadInput(answers[i].Text, answers[i].Text.Any(char.IsLetterOrDigit) ? question.Encodings[i] : null, context)).ToArray();
        var graded = grader.Grade(inputs);
        var maxScore = question.Source.Question.MaxScore;
        var step = ScoreStep.Of(answers.Select(a => a.Score).Append(maxScore));
        for (var k = 0; k < test.Length; k++)
        {
            var answer = answers[test[k]];
            var result = graded[k];
            var confidence = Math.Clamp(result.Confidence, 0, 1);
            yield return new EvaluatedAnswer(
                answer.Id,
                question.Source.Question.Id,
                maxScore,
                step,
                Math.Clamp(result.Score, 0, maxScore),
                answer.Score,
                result.Label,
                answer.LabelOrDerived(maxScore),
                result.Feedback,
                answer.Feedback,
                confidence,
                result.ReviewReasons.Count > 0 || confidence < reviewBelowConfidence);
        }
    }
}

/// <summary>An evaluation's graded answers, and the same answers as the simple reference graders predict them.</summary>
public sealed record HeadEvaluationRun(IReadOnlyList<EvaluatedAnswer> Answers, IReadOnlyList<BaselinePrediction> Baselines);

/// <summary>What cross-validation holds out: answers (their questions stay known) or whole questions.</summary>
public enum CrossValidationMode
{
    Answers,
    Questions,
}
