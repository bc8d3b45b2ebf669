using Microsoft.ML;
using Microsoft.ML.Data;

namespace Grading.Inference.Head;

/// <summary>
/// The ML.NET models for one feature set: a FastTree regression for the score fraction and a one-versus-all FastTree
/// classifier for the label, with an isotonic map from the classifier's certainty to the chance a grade is acceptable.
/// </summary>
internal sealed class FeatureSetHead(MLContext ml, int featureCount, ITransformer score, ITransformer label, IsotonicCalibration calibration)
{
    public const string FeaturesColumn = "Features";

    /// <summary>A grade within this fraction of maxScore of the human score is acceptable; confidence estimates that chance.</summary>
    public const double AcceptableError = Core.Metrics.ConfidenceReport.AcceptableError;

    private readonly Lock _gate = new();

    // Built on first use and reused: a DataView pipeline per call costs about 0.1 s of setup (measured per 50-answer
    // chunk), far more than scoring the rows. PredictionEngine is not thread-safe, hence the lock.
    private PredictionEngine<InputRow, ScoreOutput>? _scoreEngine;
    private PredictionEngine<InputRow, LabelOutput>? _labelEngine;

    public int FeatureCount => featureCount;

    public ITransformer Score => score;

    public ITransformer Label => label;

    public IsotonicCalibration Calibration => calibration;

    /// <param name="calibrationFolds">
    /// Train and test rows for the out-of-fold predictions the confidence is calibrated on, when the caller can build
    /// them as the head is used (see <see cref="EncoderHeadTrainer"/>); otherwise <paramref name="folds"/> folds of the rows.
    /// </param>
    public static FeatureSetHead Train(
        MLContext ml,
        IReadOnlyList<HeadRow> rows,
        HeadTrainingOptions options,
        IEnumerable<(IReadOnlyList<HeadRow> Train, IReadOnlyList<HeadRow> Test)>? calibrationFolds = null,
        int folds = 5)
    {
        var featureCount = rows[0].Features.Length;
        // A small training set (a teacher's own batch) cannot fill leaves of the default size: every tree would be one leaf.
        options = options with { MinExamplesPerLeaf = Math.Clamp(rows.Count / 20, 1, options.MinExamplesPerLeaf) };
        var (score, label) = TrainModels(ml, rows, featureCount, options);

        // Calibrate on out-of-fold predictions: in-sample ones are overconfident by construction.
        var groups = rows.Select(row => row.Group).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var byQuestion = calibrationFolds is null && HoldsOutQuestions(rows, groups, folds);
        calibrationFolds ??= Enumerable.Range(0, folds).Select(fold =>
        {
            var isTest = FoldOf(rows, groups, folds, fold);
            return ((IReadOnlyList<HeadRow>)rows.Where((_, i) => !isTest[i]).ToArray(), (IReadOnlyList<HeadRow>)rows.Where((_, i) => isTest[i]).ToArray());
        });
        var points = new List<IReadOnlyList<(double, bool)>>();
        foreach (var (train, test) in calibrationFolds)
        {
            if (train.Count == 0 || test.Count == 0 || train.Select(r => r.Label).Distinct().Count() < 2)
            {
                continue;
            }

            var (foldScore, foldLabel) = TrainModels(ml, train, featureCount, options);
            var predictions = new FeatureSetHead(ml, featureCount, foldScore, foldLabel, new IsotonicCalibration([0], [0])).PredictRaw(test.Select(r => r.Features).ToArray());
            points.Add([.. predictions.Select((p, i) => (Signal(p), Math.Abs(p.Fraction - test[i].Fraction) <= AcceptableError))]);
        }

        // Held-out questions: a map learned on some questions claims more than it holds on others (cross-validated by
        // question on SAF train, 0.9-1.0 claimed 0.93 and was right 77% of the time), so it is pulled in by as much as
        // the folds show. Held-out answers of known questions keep the plain map, which holds there.
        var calibration = byQuestion ? IsotonicCalibration.FitAcrossFolds(points) : IsotonicCalibration.Fit([.. points.SelectMany(fold => fold)]);
        return new FeatureSetHead(ml, featureCount, score, label, calibration);
    }

    public IReadOnlyList<HeadPrediction> Predict(IReadOnlyList<float[]> features) =>
        PredictRaw(features).Select(p => p with { Confidence = calibration.Apply(Signal(p)) }).ToArray();

    /// <summary>The raw certainty: how sure the label classifier is, less the score's distance from a score level it agrees with.</summary>
    private static double Signal(HeadPrediction prediction) => prediction.LabelProbability;

    private IReadOnlyList<HeadPrediction> PredictRaw(IReadOnlyList<float[]> features)
    {
        if (features.Count == 0)
        {
            return [];
        }

        lock (_gate)
        {
            _scoreEngine ??= ml.Model.CreatePredictionEngine<InputRow, ScoreOutput>(score, inputSchemaDefinition: InputSchema(featureCount));
            _labelEngine ??= ml.Model.CreatePredictionEngine<InputRow, LabelOutput>(label, inputSchemaDefinition: InputSchema(featureCount));
            var predictions = new HeadPrediction[features.Count];
            var input = new InputRow();
            for (var i = 0; i < features.Count; i++)
            {
                input.Features = features[i];
                var fraction = _scoreEngine.Predict(input).Score;
                var labelled = _labelEngine.Predict(input);
                predictions[i] = new HeadPrediction(
                    Math.Clamp(fraction, 0, 1),
                    labelled.PredictedLabelText ?? string.Empty,
                    labelled.Score is { Length: > 0 } probabilities ? probabilities.Max() : 0,
                    0);
            }

            return predictions;
        }
    }

    private static (ITransformer Score, ITransformer Label) TrainModels(MLContext ml, IReadOnlyList<HeadRow> rows, int featureCount, HeadTrainingOptions options)
    {
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new TrainingRow { Features = r.Features, Fraction = r.Fraction, LabelText = r.Label }), TrainingSchema(featureCount));
        var score = ml.Regression.Trainers.FastTree(
            labelColumnName: nameof(TrainingRow.Fraction),
            featureColumnName: FeaturesColumn,
            numberOfLeaves: options.Leaves,
            numberOfTrees: options.Trees,
            minimumExampleCountPerLeaf: options.MinExamplesPerLeaf,
            learningRate: options.LearningRate).Fit(data);
        // The label becomes a key in a step of its own: prediction has no label column, so the saved model must not need one.
        var keyed = ml.Transforms.Conversion.MapValueToKey("Label", nameof(TrainingRow.LabelText), keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Fit(data).Transform(data);
        var label = ml.MulticlassClassification.Trainers.OneVersusAll(
                ml.BinaryClassification.Trainers.FastTree(
                    numberOfLeaves: options.Leaves,
                    numberOfTrees: options.LabelTrees,
                    minimumExampleCountPerLeaf: options.MinExamplesPerLeaf,
                    learningRate: options.LearningRate),
                labelColumnName: "Label")
            .Append(ml.Transforms.Conversion.MapKeyToValue(nameof(LabelOutput.PredictedLabelText), "PredictedLabel"))
            .Fit(keyed);
        return (score, label);
    }

    /// <summary>Few groups that are questions, with many rows each: fold by question so calibration sees unseen questions.</summary>
    private static bool HoldsOutQuestions(IReadOnlyList<HeadRow> rows, string[] groups, int folds) =>
        groups.Length >= folds && rows.Count / groups.Length > 20 && rows[0].Group.StartsWith(HeadRowGroups.QuestionPrefix, StringComparison.Ordinal);

    private static bool[] FoldOf(IReadOnlyList<HeadRow> rows, string[] groups, int folds, int fold)
    {
        // Questions: fold by group so calibration sees unseen questions; otherwise by row.
        if (HoldsOutQuestions(rows, groups, folds))
        {
            var groupFold = groups.Select((g, i) => (g, i)).ToDictionary(p => p.g, p => p.i % folds, StringComparer.Ordinal);
            return rows.Select(row => groupFold[row.Group] == fold).ToArray();
        }

        return rows.Select((_, i) => i % folds == fold).ToArray();
    }

    public static DataViewSchema InputDataSchema(MLContext ml, int featureCount) =>
        ml.Data.LoadFromEnumerable(Array.Empty<InputRow>(), InputSchema(featureCount)).Schema;

    private static SchemaDefinition InputSchema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(InputRow));
        schema[nameof(InputRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    private static SchemaDefinition TrainingSchema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(TrainingRow));
        schema[nameof(TrainingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    private sealed class InputRow
    {
        public float[] Features { get; set; } = [];
    }

    private sealed class TrainingRow
    {
        public float[] Features { get; set; } = [];

        public float Fraction { get; set; }

        public string LabelText { get; set; } = string.Empty;
    }

    private sealed class ScoreOutput
    {
        public float Score { get; set; }
    }

    private sealed class LabelOutput
    {
        public string? PredictedLabelText { get; set; }

        public float[]? Score { get; set; }
    }
}
