using System.ComponentModel;
using System.Text.Json;
using Grading.Cli.Output;
using Grading.Core.Batches;
using Grading.Core.Batches.Saf;
using Grading.Core.Metrics;
using Grading.Inference.Embeddings;
using Grading.Inference.Head;
using Spectre.Console.Cli;

namespace Grading.Cli.Commands;

/// <summary>
/// <c>grading eval</c>: how well the encoder grader agrees with human grades, either trained on --train and tested on
/// --test (or with --head FILE), or cross-validated on --train (--cv answers|questions). The last line is one JSON object.
/// </summary>
public sealed class EvalCommand : Command<EvalCommand.Settings>
{
    public sealed class Settings : LabelledDataSettings
    {
        [CommandOption("--test <PATH>")]
        [Description("Human-graded data to grade and compare with. Not with --cv.")]
        public string? Test { get; init; }

        [CommandOption("--head <FILE>")]
        [Description("Use this trained head instead of training one on --train.")]
        public string? Head { get; init; }

        [CommandOption("--cv <MODE>")]
        [Description("Cross-validate on --train: 'answers' (unseen answers to known questions) or 'questions' (unseen questions).")]
        public string? Cv { get; init; }

        [CommandOption("--folds <N>")]
        [Description("Cross-validation folds. Default: 5.")]
        public int Folds { get; init; } = 5;

        [CommandOption("--seed <N>")]
        [Description("Seed of the fold split. Default: 1.")]
        public int Seed { get; init; } = 1;

        [CommandOption("-o|--out <DIR>")]
        [Description("Also write predictions.jsonl, metrics.json, confidence.json and report.html here.")]
        public string? Out { get; init; }

        public override Spectre.Console.ValidationResult Validate()
            => ValidateSource()
                ?? (Cv is not null && Cv is not ("answers" or "questions") ? Spectre.Console.ValidationResult.Error("--cv must be 'answers' or 'questions'.")
                : Cv is not null && (Test is not null || Head is not null) ? Spectre.Console.ValidationResult.Error("--cv trains its own heads on --train: leave out --test and --head.")
                : Cv is null && Test is null ? Spectre.Console.ValidationResult.Error("Give --test PATH, or --cv answers|questions.")
                : Folds < 2 ? Spectre.Console.ValidationResult.Error("--folds must be at least 2.")
                : Spectre.Console.ValidationResult.Success());
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        try
        {
            var format = LabelledData.FormatOf(settings.Format, settings.Train);
            var (train, skipped) = LabelledData.Load(format, settings.Train, settings.Assignment);
            LabelledData.ReportSkipped(skipped);
            using var encoder = new MiniLmEmbedder(precision: settings.Precision);
            var embedder = new CachingEmbedder(encoder, settings.EmbeddingCache);
            var evaluation = new HeadEvaluation(embedder) { Progress = message => Console.Error.WriteLine($"grading: {message}") };
            HeadEvaluationRun run;
            if (settings.Cv is { } cv)
            {
                run = evaluation.CrossValidate(train, cv == "answers" ? CrossValidationMode.Answers : CrossValidationMode.Questions, settings.Folds, settings.Seed, cancellationToken);
            }
            else
            {
                var (test, testSkipped) = LabelledData.Load(LabelledData.FormatOf(settings.Format, settings.Test!), settings.Test!, settings.Assignment);
                LabelledData.ReportSkipped(testSkipped);
                var head = settings.Head is { } path ? EncoderHead.Load(path) : evaluation.Train(train, settings.Train, cancellationToken);
                run = evaluation.TrainTest(train, test, head, cancellationToken);
            }

            embedder.Save();
            var answers = run.Answers;
            var metrics = EvaluationMetrics.Compute(answers);
            var baselines = BaselineMetrics.Compute(run.Baselines);
            var confidence = ConfidenceReport.Compute(answers.Select(a => (a.NormalisedError, a.Confidence)).ToArray());
            if (settings.Out is { } outDirectory)
            {
                EvaluationFiles.Write(outDirectory, answers, metrics, confidence, baselines, startedAt);
            }

            PrintReliability(confidence);
            PrintBaselines(baselines);
            if (format == "saf")
            {
                Console.WriteLine($"note: {SafQuestion.MaxScoreSource}.");
            }

            Console.WriteLine($"note: qwk on {metrics.QwkSteps}; rmse/mae on scores / maxScore; confidence = estimated chance the score is within {ConfidenceReport.AcceptableError:0.##} x maxScore of the human's.");
            Console.WriteLine(JsonSerializer.Serialize(metrics));
            return 0;
        }
        catch (Exception e) when (e is BatchFormatException or AssignmentFormatException or InvalidOperationException or InvalidDataException or IOException or ArgumentException)
        {
            Console.Error.WriteLine($"grading: {e.Message}");
            return 2;
        }
    }

    /// <summary>The same held-out answers graded by the simple reference graders, to read the head's figures against.</summary>
    private static void PrintBaselines(BaselineMetrics baselines)
    {
        Console.WriteLine("baselines (same held-out answers; scores / maxScore):");
        foreach (var score in baselines.NearestNeighbours.Prepend(baselines.MeanScore))
        {
            Console.WriteLine($"  {score.Name,-12} RMSE {score.Rmse:0.0000}, MAE {score.Mae:0.0000}");
        }

        if (baselines.NearestFeedback is { } feedback)
        {
            Console.WriteLine($"  nearest answer's feedback: BLEU {feedback.Bleu:0.00}, ROUGE-1 {feedback.Rouge1:0.0000}, ROUGE-2 {feedback.Rouge2:0.0000}, ROUGE-L {feedback.RougeL:0.0000}");
        }
    }

    private static void PrintReliability(ConfidenceReport report)
    {
        Console.WriteLine("reliability (confidence bin: n, mean confidence, share within tolerance):");
        foreach (var bin in report.Reliability)
        {
            Console.WriteLine($"  [{bin.From:0.0}, {bin.To:0.0}): {bin.Count,5}  {bin.MeanConfidence:0.000}  {bin.AcceptableRate:0.000}");
        }

        foreach (var coverage in report.Coverage)
        {
            Console.WriteLine($"coverage {coverage.Coverage:P0}: {coverage.Kept} kept, MAE {coverage.Mae:0.0000}, RMSE {coverage.Rmse:0.0000}");
        }
    }
}
