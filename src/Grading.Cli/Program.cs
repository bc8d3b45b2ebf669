using Grading.Cli.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("grading");
    config.AddCommand<GradeCommand>("grade")
        .WithDescription("Grade a CSV or JSONL batch through the local Durable engine on Azurite.")
        .WithExample("grade", "samples/networking-quiz/batch.csv", "--assignment", "samples/networking-quiz/assignment.json", "--out", "out");
});
return await app.RunAsync(args);
