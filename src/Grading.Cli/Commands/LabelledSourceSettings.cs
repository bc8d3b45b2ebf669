using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grading.Cli.Commands;

/// <summary>Where human-graded answers come from: the options of train-head, eval and export-training-data.</summary>
public abstract class LabelledSourceSettings : CommandSettings
{
    [CommandOption("-f|--format <FORMAT>")]
    [Description("saf (a directory of SAF XML files), jsonl or csv (batches with humanScore and humanFeedback). Default: saf for a directory, else from the file.")]
    public string? Format { get; init; }

    [CommandOption("--train <PATH>")]
    [Description("The human-graded data: a SAF directory or a CSV/JSONL file. For train-head and eval, also the graded examples of the same questions.")]
    public string Train { get; init; } = "";

    [CommandOption("-a|--assignment <FILE>")]
    [Description("Assignment JSON for jsonl/csv batches whose rows do not carry the question.")]
    public string? Assignment { get; init; }

    /// <summary>What is wrong with these options, or null. A path that does not exist is the loader's error (exit code 2), as for every other input.</summary>
    protected ValidationResult? ValidateSource()
        => LabelledData.FormatProblem(Format) is { } formatProblem ? ValidationResult.Error(formatProblem)
            : string.IsNullOrWhiteSpace(Train) ? ValidationResult.Error("--train is required.")
            : null;
}
