using System.ComponentModel;
using System.Text;
using System.Text.Json;
using Grading.Core.Batches;
using Grading.Core.Prompts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grading.Cli.Commands;

/// <summary>
/// <c>grading export-training-data --format jsonl|csv --train PATH --template NAME --out FILE.jsonl</c>: one JSONL record
/// per human-graded answer, with the grading prompt and the reply the decoder grader parses (the causal-LM target),
/// the two-stage feedback prompt and reply, and the score as a fraction (the regression-head target).
/// </summary>
public sealed class ExportTrainingDataCommand : Command<ExportTrainingDataCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-f|--format <FORMAT>")]
        [Description("Format of the training file: jsonl or csv (the batch formats, with humanScore and humanFeedback). Default: from the extension.")]
        public string? Format { get; init; }

        [CommandOption("--train <PATH>")]
        [Description("The human-graded training file.")]
        public string Train { get; init; } = "";

        [CommandOption("-a|--assignment <FILE>")]
        [Description("The assignment JSON, when rows do not carry their question inline.")]
        public string? Assignment { get; init; }

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
        {
            if (Format is not null and not ("jsonl" or "csv"))
            {
                return ValidationResult.Error(Format == "saf"
                    ? "--format saf needs the SAF importer, which this build does not have yet; convert to jsonl or csv."
                    : $"Unknown format '{Format}'. Use jsonl or csv.");
            }

            if (!File.Exists(Train))
            {
                return ValidationResult.Error($"The training file '{Train}' does not exist.");
            }

            if (Assignment is not null && !File.Exists(Assignment))
            {
                return ValidationResult.Error($"The assignment file '{Assignment}' does not exist.");
            }

            return Out.Length == 0 ? ValidationResult.Error("Give --out FILE.jsonl.") : ValidationResult.Success();
        }
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

            var content = File.ReadAllBytes(settings.Train);
            var batchFormat = settings.Format switch
            {
                "jsonl" => BatchFormat.Jsonl,
                "csv" => BatchFormat.Csv,
                _ => BatchParser.DetectFormat(settings.Train, content),
            };
            var assignment = settings.Assignment is null ? null : AssignmentReader.Read(File.ReadAllBytes(settings.Assignment));
            var batch = BatchParser.Parse(content, batchFormat, assignment, Path.GetFileNameWithoutExtension(settings.Train));
            var questions = batch.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);

            var written = 0;
            var unscored = 0;
            using (var output = new StreamWriter(settings.Out, false, new UTF8Encoding(false)))
            {
                foreach (var submission in batch.Submissions)
                {
                    if (submission.HumanScore is not { } score)
                    {
                        unscored++;
                        continue;
                    }

                    var question = questions[submission.QuestionId];
                    var feedback = submission.HumanFeedback?.Trim();
                    var record = new TrainingRecord(
                        $"{submission.AssignmentId}/{submission.QuestionId}/{submission.SubmissionId}",
                        template.Name,
                        format.ToString().ToLowerInvariant(),
                        GradingPrompt.ForGrading(question, submission.Answer, template, format),
                        OutputContract.Reply(score, feedback ?? "", [], format),
                        GradingPrompt.ForFeedback(question, submission.Answer, score, template, format),
                        string.IsNullOrEmpty(feedback) ? null : OutputContract.FeedbackReply(feedback, format),
                        score,
                        question.MaxScore,
                        question.MaxScore > 0 ? score / question.MaxScore : 0);
                    output.WriteLine(JsonSerializer.Serialize(record, TrainingRecord.JsonOptions));
                    written++;
                }
            }

            AnsiConsole.MarkupLineInterpolated($"Wrote {written} records to [bold]{settings.Out}[/] ({unscored} rows without a human score skipped, {batch.Errors.Count} rows rejected).");
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
