using System.ComponentModel;
using Grading.Cli.Hosting;
using Grading.Core.Batches;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grading.Cli.Commands;

public sealed class RegradeSettings : LocalHostSettings
{
    [CommandOption("-a|--assignment <ID>")]
    [Description("The assignment whose grades to re-grade. Default: every assignment that has grades.")]
    public string? Assignment { get; init; }

    [CommandOption("-r|--reason <TEXT>")]
    [Description("Why, recorded with the re-grade (e.g. \"rubric of q3 fixed\").")]
    public string Reason { get; init; } = "";

    [CommandOption("--include-needs-review")]
    [Description("Also re-grade grades flagged needsReview (each once per grading input).")]
    public bool IncludeNeedsReview { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Reason))
        {
            return ValidationResult.Error("--reason TEXT is required: say why the grades are re-graded.");
        }

        if (Assignment is not null && !Identifiers.IsValid(Assignment))
        {
            return ValidationResult.Error($"--assignment '{Assignment}' is not an assignment id: use {Identifiers.Describe}.");
        }

        return base.Validate();
    }
}
