using System.ComponentModel;
using Grading.Core.Batches;
using Grading.Core.Batches.Saf;
using Grading.Inference.Embeddings;
using Grading.Inference.Head;
using Spectre.Console.Cli;

namespace Grading.Cli.Commands;

/// <summary><c>grading train-head --format saf --train DIR --out FILE</c>: trains the encoder grader's head on human grades.</summary>
public sealed class TrainHeadCommand : Command<TrainHeadCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description("saf (a directory of SAF XML files), jsonl or csv (a batch with humanScore). Default: saf.")]
        public string Format { get; init; } = "saf";

        [CommandOption("--train <PATH>")]
        [Description("The human-graded training data.")]
        public string Train { get; init; } = "";

        [CommandOption("--assignment <FILE>")]
        [Description("Assignment JSON for jsonl/csv batches whose rows do not carry the question.")]
        public string? Assignment { get; init; }

        [CommandOption("--precision <P>")]
        [Description("Encoder weights: int8 (the default grader's) or float32 (the published model).")]
        public EncoderPrecision Precision { get; init; } = EncoderPrecision.Int8;

        [CommandOption("--embedding-cache <FILE>")]
        [Description("Keep answer embeddings in this file, so a rerun on the same data skips the encoder.")]
        public string? EmbeddingCache { get; init; }

        [CommandOption("-o|--out <FILE>")]
        [Description("Where to write the head (a zip file).")]
        public string Out { get; init; } = "";

        public override Spectre.Console.ValidationResult Validate()
            => !LabelledData.Formats.Contains(Format) ? Spectre.Console.ValidationResult.Error($"--format must be one of: {string.Join(", ", LabelledData.Formats)}.")
                : string.IsNullOrWhiteSpace(Train) ? Spectre.Console.ValidationResult.Error("--train is required.")
                : string.IsNullOrWhiteSpace(Out) ? Spectre.Console.ValidationResult.Error("--out is required.")
                : Spectre.Console.ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            var (questions, skipped) = LabelledData.Load(settings.Format, settings.Train, settings.Assignment);
            LabelledData.ReportSkipped(skipped);
            using var encoder = new MiniLmEmbedder(precision: settings.Precision);
            var embedder = new CachingEmbedder(encoder, settings.EmbeddingCache);
            var head = new HeadEvaluation(embedder).Train(questions, $"{settings.Format}:{Path.GetFileName(Path.TrimEndingDirectorySeparator(settings.Train))}", cancellationToken);
            embedder.Save();
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.Out))!);
            head.Save(settings.Out);
            if (settings.Format == "saf")
            {
                Console.WriteLine($"note: {SafQuestion.MaxScoreSource}.");
            }

            Console.WriteLine($"trained on {head.Manifest.Answers} answers to {head.Manifest.Questions} questions; wrote {settings.Out} (version {Inference.Head.EncoderHead.VersionOf(File.ReadAllBytes(settings.Out))})");
            return 0;
        }
        catch (Exception e) when (e is BatchFormatException or AssignmentFormatException or InvalidOperationException or IOException)
        {
            Console.Error.WriteLine($"grading: {e.Message}");
            return 2;
        }
    }
}
