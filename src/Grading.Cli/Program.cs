using Grading.Cli.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("grading");
    config.AddCommand<GradeCommand>("grade")
        .WithDescription("Grade a CSV or JSONL batch through the local Durable engine on Azurite.")
        .WithExample("grade", "samples/networking-quiz/batch.csv", "--assignment", "samples/networking-quiz/assignment.json", "--out", "out")
        .WithExample("grade", "samples/networking-quiz/batch.csv", "--assignment", "samples/networking-quiz/assignment.json", "--grader", "two-stage", "--model", "models/tiny");
    config.AddCommand<MakeTestModelCommand>("make-test-model")
        .WithDescription("Write a tiny random int4 decoder (ORT GenAI layout) and score head, for tests and benchmarks.");
    config.AddBranch("bench", bench =>
    {
        bench.SetDescription("Measure a grader's speed.");
        bench.AddCommand<BenchGenAiCommand>("genai")
            .WithDescription("Model load time, time to first token, tokens/s sequential and batched; JSON on the last line.");
        bench.AddCommand<BenchInjectionCommand>("injection")
            .WithDescription("Grade the prompt-injection corpus with and without each injection: flag rate and score deltas; JSON on the last line.");
    });
    config.AddCommand<ExportTrainingDataCommand>("export-training-data")
        .WithDescription("Write instruction-tuning records in exactly the prompt and reply format the decoder grader parses.");
});
return await app.RunAsync(args);
