using System.ComponentModel;
using System.Text;
using System.Text.Json;
using Grading.Core.Batches;
using Grading.Core.Prompts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grading.Cli.Commands;

/// <summary>
/// <c>grading export-training-data --format saf|jsonl|csv --train PATH --template NAME --out FILE.jsonl</c>: one JSONL record
/// per human-graded answer, with the grading prompt and the reply the decoder grader parses (the causal-LM target),
/// the two-stage feedback prompt and reply, and the score as a fraction (the regression-head target).
/// </summary>
public sealed class ExportTrainingDataCommand : Command<ExportTrainingDataCommand.Settings>
{
    public sealed class Settings : LabelledSourceSettings
    {
        [CommandOption("-t|--template <NAME>")]
        [Description("Prompt template the model will be fine-tuned with: llama2, chatml or phi3. Default: llama2.")]
        public string Template { get; init; } = "llama2";

        [CommandOption("--output-format <FORMAT>")]
        [Description("Reply format: lines (Score:/Feedback:) or json. Default: lines.")]
        public string OutputFormat { get; init; } = "lines";

        [CommandOption("-o|--out <FILE>")]
        [Description("The JSONL file to write.")]
        public string Out { get; init; } = "";

        public override ValidationResult Validate()
            => ValidateSource() ?? (Out.Length == 0 ? ValidationResult.Error("Give --out FILE.jsonl.") : ValidationResult.Success());
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            var template = ChatTemplate.FromName(settings.Template);
            if (!Enum.TryParse<OutputFormat>(settings.OutputFormat, ignoreCase: true, out var format))
            {
                Console.Error.WriteLine($"grading: unknown --output-format '{settings.OutputFormat}'. Use lines or json.");
                return 2;
            }

            var (questions, skipped) = LabelledData.Load(LabelledData.FormatOf(settings.Format, settings.Train), settings.Train, settings.Assignment);
            LabelledData.ReportSkipped(skipped);
            var source = Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(settings.Train));

            var written = 0;
            using (var output = new StreamWriter(settings.Out, false, new UTF8Encoding(false)))
            {
                foreach (var (question, answers) in questions)
                {
                    foreach (var answer in answers)
                    {
                        var feedback = answer.Feedback?.Trim();
                        var record = new TrainingRecord(
                            $"{source}/{question.Id}/{answer.Id}",
                            template.Name,
                            format.ToString().ToLowerInvariant(),
                            GradingPrompt.ForGrading(question, answer.Text, template, format),
                            OutputContract.Reply(answer.Score, feedback ?? "", [], format),
                            GradingPrompt.ForFeedback(question, answer.Text, answer.Score, template, format),
                            string.IsNullOrEmpty(feedback) ? null : OutputContract.FeedbackReply(feedback, format),
                            answer.Score,
                            question.MaxScore,
                            question.MaxScore > 0 ? answer.Score / question.MaxScore : 0);
                        output.WriteLine(JsonSerializer.Serialize(record, TrainingRecord.JsonOptions));
                        written++;
                    }
                }
            }

            AnsiConsole.MarkupLineInterpolated($"Wrote {written} records to [bold]{settings.Out}[/] ({skipped.Count} answers or rows skipped).");
            return 0;
        }
        catch (Exception e) when (e is BatchFormatException or AssignmentFormatException or ArgumentException)
        {
            Console.Error.WriteLine($"grading: {e.Message}");
            return 2;
        }
    }

    /// <summary>One training example. Field names are snake_case, as fine-tuning scripts expect.</summary>
    private sealed record TrainingRecord(
        string Id,
        string Template,
        string OutputFormat,
        string Prompt,
        string Completion,
        string FeedbackPrompt,
        string? FeedbackCompletion,
        double Score,
        double MaxScore,
        double ScoreFraction)
    {
        public static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    }
}
