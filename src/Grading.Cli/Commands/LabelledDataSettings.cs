using System.ComponentModel;
using Grading.Inference.Embeddings;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grading.Cli.Commands;

/// <summary>The options of the commands that read human-graded answers and encode them: train-head and eval.</summary>
public abstract class LabelledDataSettings : CommandSettings
{
    [CommandOption("--format <FORMAT>")]
    [Description("saf (a directory of SAF XML files), jsonl or csv (batches with humanScore). Default: saf for a directory, else from the file.")]
    public string? Format { get; init; }

    [CommandOption("--train <PATH>")]
    [Description("Human-graded data the head trains on (and whose answers are the graded examples of the same questions).")]
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

    /// <summary>What is wrong with the shared options, or null.</summary>
    protected ValidationResult? ValidateLabelledData()
        => LabelledData.FormatProblem(Format) is { } formatProblem ? ValidationResult.Error(formatProblem)
            : string.IsNullOrWhiteSpace(Train) ? ValidationResult.Error("--train is required.")
            : null;
}
