using System.ComponentModel;
using Grading.Inference.Embeddings;
using Spectre.Console.Cli;

namespace Grading.Cli.Commands;

/// <summary>The options of the commands that read human-graded answers and encode them: train-head and eval.</summary>
public abstract class LabelledDataSettings : LabelledSourceSettings
{
    [CommandOption("--precision <P>")]
    [Description("Encoder weights: int8 (the default grader's) or float32 (the published model).")]
    public EncoderPrecision Precision { get; init; } = EncoderPrecision.Int8;

    [CommandOption("--embedding-cache <FILE>")]
    [Description("Keep answer embeddings in this file, so a rerun on the same data skips the encoder.")]
    public string? EmbeddingCache { get; init; }
}
