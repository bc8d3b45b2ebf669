using System.ComponentModel;
using Grading.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grading.Cli.Commands;

public sealed class GradeSettings : LocalHostSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("The batch: a .csv or .jsonl file of answers, or a directory of SAF XML files (questions, answers and the tutors' grades).")]
    public string File { get; init; } = "";

    [CommandOption("-f|--format <FORMAT>")]
    [Description("csv, jsonl or saf. Default: saf for a directory, else from the file's extension and content.")]
    public string? Format { get; init; }

    /// <summary>The batch is a SAF directory, which carries its own questions.</summary>
    public bool IsSaf => Format == "saf" || (Format is null && Directory.Exists(File));

    [CommandOption("-a|--assignment <FILE>")]
    [Description("The assignment JSON holding the questions. Optional when every row carries its question inline.")]
    public string? Assignment { get; init; }

    [CommandOption("-o|--out <DIR>")]
    [Description("Write results.jsonl, results.csv, summary.json, errors.jsonl and report.html into this folder.")]
    public string? Out { get; init; }

    [CommandOption("-g|--grader <NAME>")]
    [Description("encoder (default), genai (score and feedback from the int4 decoder), two-stage (score from a regression head, feedback from the decoder) or score-head. Overrides Grading:Grader.")]
    public string? Grader { get; init; }

    [CommandOption("-m|--model <DIR>")]
    [Description("Model folder for genai and two-stage: ORT GenAI builder output plus optional grading-model.json. Overrides Grading:Model:Path.")]
    public string? Model { get; init; }

    [CommandOption("-t|--template <NAME>")]
    [Description("Prompt template: llama2, chatml or phi3. Default: grading-model.json's, else llama2.")]
    public string? Template { get; init; }

    /// <summary>The grader choices as configuration keys, laid over the host's configuration.</summary>
    public IReadOnlyDictionary<string, string?> GraderConfiguration()
    {
        var values = new Dictionary<string, string?>();
        if (Grader is not null)
        {
            values["Grading:Grader"] = Grader;
        }

        if (Model is not null)
        {
            values["Grading:Model:Path"] = System.IO.Path.GetFullPath(Model);
        }

        if (Template is not null)
        {
            values["Grading:Model:Template"] = Template;
        }

        return values;
    }

    public override ValidationResult Validate()
    {
        if (Grader is not null && !Grading.Inference.Hosting.GraderKinds.Selectable.Contains(Grader))
        {
            return ValidationResult.Error($"Unknown grader '{Grader}'. Use one of: {string.Join(", ", Grading.Inference.Hosting.GraderKinds.Selectable)}.");
        }

        if (Grader is "genai" or "two-stage" or "score-head" && Model is null && Environment.GetEnvironmentVariable("Grading__Model__Path") is null)
        {
            return ValidationResult.Error($"--grader {Grader} needs --model DIR (or Grading__Model__Path).");
        }

        if (Model is not null && !Directory.Exists(Model))
        {
            return ValidationResult.Error($"The model folder '{Model}' does not exist.");
        }

        if (LabelledData.FormatProblem(Format) is { } formatProblem)
        {
            return ValidationResult.Error(formatProblem);
        }

        if (IsSaf)
        {
            if (!Directory.Exists(File))
            {
                return ValidationResult.Error($"The SAF directory '{File}' does not exist.");
            }

            if (Assignment is not null)
            {
                return ValidationResult.Error("A SAF directory carries its questions: leave out --assignment.");
            }
        }
        else if (!System.IO.File.Exists(File))
        {
            return ValidationResult.Error(Directory.Exists(File)
                ? $"'{File}' is a directory: grade a CSV or JSONL file, or a SAF directory (--format saf)."
                : $"The batch file '{File}' does not exist.");
        }

        if (Assignment is not null && !System.IO.File.Exists(Assignment))
        {
            return ValidationResult.Error($"The assignment file '{Assignment}' does not exist.");
        }

        return base.Validate();
    }
}
