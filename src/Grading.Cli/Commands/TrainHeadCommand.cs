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
    public sealed class Settings : LabelledDataSettings
    {
        [CommandOption("-o|--out <FILE>")]
        [Description("Where to write the head (a zip file).")]
        public string Out { get; init; } = "";

        public override Spectre.Console.ValidationResult Validate()
            => ValidateSource()
                ?? (string.IsNullOrWhiteSpace(Out) ? Spectre.Console.ValidationResult.Error("--out is required.") : Spectre.Console.ValidationResult.Success());
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            var format = LabelledData.FormatOf(settings.Format, settings.Train);
            var (questions, skipped) = LabelledData.Load(format, settings.Train, settings.Assignment);
            LabelledData.ReportSkipped(skipped);
            using var encoder = new MiniLmEmbedder(precision: settings.Precision);
            var embedder = new CachingEmbedder(encoder, settings.EmbeddingCache);
            var head = new HeadEvaluation(embedder).Train(questions, $"{format}:{Path.GetFileName(Path.TrimEndingDirectorySeparator(settings.Train))}", cancellationToken);
            embedder.Save();
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.Out))!);
            head.Save(settings.Out);
            if (format == "saf")
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
