using System.ComponentModel;
using Grading.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grading.Cli.Commands;

public sealed class GradeSettings : LocalHostSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("The batch: a .csv or .jsonl file of answers.")]
    public string File { get; init; } = "";

    [CommandOption("-a|--assignment <FILE>")]
    [Description("The assignment JSON holding the questions. Optional when every row carries its question inline.")]
    public string? Assignment { get; init; }

    [CommandOption("-o|--out <DIR>")]
    [Description("Write results.jsonl, results.csv, summary.json and errors.jsonl into this folder.")]
    public string? Out { get; init; }

    public override ValidationResult Validate()
    {
        if (!System.IO.File.Exists(File))
        {
            return ValidationResult.Error($"The batch file '{File}' does not exist.");
        }

        if (Assignment is not null && !System.IO.File.Exists(Assignment))
        {
            return ValidationResult.Error($"The assignment file '{Assignment}' does not exist.");
        }

        return ValidationResult.Success();
    }
}
