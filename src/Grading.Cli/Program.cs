using Grading.Cli.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("grading");
    config.AddCommand<GradeCommand>("grade")
        .WithDescription("Grade a CSV or JSONL batch through the local Durable engine on Azurite.")
        .WithExample("grade", "samples/intro-science/batch.csv", "--assignment", "samples/intro-science/assignment.json", "--out", "out")
        .WithExample("grade", "samples/intro-science/batch.csv", "--assignment", "samples/intro-science/assignment.json", "--grader", "two-stage", "--model", "models/tiny");
    config.AddCommand<RegradeCommand>("regrade")
        .WithDescription("Re-grade the grades made by another model version or rubric (and, if asked, those flagged needsReview), as the nightly timer does.")
        .WithExample("regrade", "--assignment", "intro-science", "--reason", "rubric of q2 fixed");
    config.AddCommand<ServeCommand>("serve")
        .WithDescription("Serve the HTTP API (the Functions app's routes) with a grading worker on the local Durable engine.")
        .WithExample("serve")
        .WithExample("serve", "--urls", "http://0.0.0.0:8080", "--api-key", "KEY");
    config.AddCommand<MakeTestModelCommand>("make-test-model")
        .WithDescription("Write a tiny random int4 decoder (ORT GenAI layout) and score head, for tests and benchmarks.");
    config.AddBranch("bench", bench =>
    {
        bench.SetDescription("Measure a grader's speed.");
        bench.AddCommand<BenchGraderCommand>("grader")
            .WithDescription("Answers/s of the default encoder grader on about 500-character answers; JSON on the last line.");
        bench.AddCommand<BenchGenAiCommand>("genai")
            .WithDescription("Model load time, time to first token, tokens/s sequential and batched; JSON on the last line.");
        bench.AddCommand<BenchPipelineCommand>("pipeline")
            .WithDescription("Answers/s of the grader called directly vs. through the durable pipeline on Azurite; JSON on the last line.")
            .WithExample("bench", "pipeline", "--n", "2000");
        bench.AddCommand<BenchHttpCommand>("http")
            .WithDescription("Requests, errors, p50/p95/p99 latency, throughput and memory of POST /api/grade on grading serve (loopback; started here on task hub benchhttp unless --task-hub or --url) under concurrent clients, per round; JSON on the last line.")
            .WithExample("bench", "http", "--clients", "50", "--seconds", "60");
        bench.AddCommand<BenchInjectionCommand>("injection")
            .WithDescription("Grade the prompt-injection corpus with and without each injection: flag rate and score deltas; JSON on the last line.");
    });
    config.AddCommand<TrainHeadCommand>("train-head")
        .WithDescription("Train the encoder grader's head on human-graded answers.")
        .WithExample("train-head", "--format", "saf", "--train", "samples/saf-mini", "--out", "out/head.zip");
    config.AddCommand<EvalCommand>("eval")
        .WithDescription("Compare the encoder grader with human grades (train/test or cross-validation); JSON metrics on the last line.")
        .WithExample("eval", "--format", "saf", "--train", "samples/saf-mini", "--cv", "answers", "--folds", "2");
    config.AddCommand<ExportTrainingDataCommand>("export-training-data")
        .WithDescription("Write instruction-tuning records in exactly the prompt and reply format the decoder grader parses.");
});
// Spectre.Console.Cli takes no one-letter long options; `bench pipeline --n 2000` is the documented spelling of --count.
return await app.RunAsync(args.Select(arg => arg == "--n" ? "--count" : arg));
