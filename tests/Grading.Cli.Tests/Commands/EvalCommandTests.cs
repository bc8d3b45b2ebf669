using System.Text.Json;
using Grading.Cli.Commands;
using Grading.Inference.Head;
using Spectre.Console.Cli;

namespace Grading.Cli.Tests.Commands;

public sealed class EvalCommandTests : IDisposable
{
    private static readonly string SafMini = Path.Combine(AppContext.BaseDirectory, "samples", "saf-mini");
    private readonly string _folder = Directory.CreateTempSubdirectory("eval-").FullName;

    [Fact]
    public async Task Eval_CrossValidationWithOut_WritesEveryMetricAndOnePredictionPerAnswer()
    {
        var exit = await Run<EvalCommand>("--format", "saf", "--train", SafMini, "--cv", "answers", "--folds", "2", "--out", _folder);

        Assert.Equal(0, exit);
        using var metrics = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "metrics.json")));
        string[] keys = ["n", "rmse", "mae", "gradePercentError", "qwk", "pearson", "labelAccuracy", "labelMacroF1", "bleu", "rouge1", "rouge2", "rougeL", "needsReviewRate", "rmseAt80", "rmseAt90", "rmseAt100"];
        Assert.All(keys, key => Assert.True(metrics.RootElement.TryGetProperty(key, out _), key));
        Assert.Equal(24, metrics.RootElement.GetProperty("n").GetInt32());
        Assert.Equal(24, (await File.ReadAllLinesAsync(Path.Combine(_folder, "predictions.jsonl"))).Length);
        var report = await File.ReadAllTextAsync(Path.Combine(_folder, "report.html"));
        Assert.Contains("<figure id=\"scatter\"><svg", report, StringComparison.Ordinal);
        Assert.Contains("of 24 labels agree.", report, StringComparison.Ordinal);
        using var baselines = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "baselines.json")));
        Assert.Equal(24, baselines.RootElement.GetProperty("n").GetInt32());
        Assert.Equal(3, baselines.RootElement.GetProperty("nearestNeighbours").GetArrayLength());
        Assert.Equal(24, baselines.RootElement.GetProperty("nearestFeedback").GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task TrainHead_SafDirectory_WritesAHeadTheGraderLoads()
    {
        var head = Path.Combine(_folder, "head.zip");

        var exit = await Run<TrainHeadCommand>("--format", "saf", "--train", SafMini, "--out", head);

        Assert.Equal(0, exit);
        Assert.Equal(24, EncoderHead.Load(head).Manifest.Answers);
    }

    [Fact]
    public async Task TrainHead_CsvWithoutFormat_ReadsTheCsvNotASafDirectory()
    {
        var samples = Path.Combine(AppContext.BaseDirectory, "samples", "intro-science");
        var head = Path.Combine(_folder, "head.zip");

        var exit = await Run<TrainHeadCommand>("--train", Path.Combine(samples, "batch.csv"), "--assignment", Path.Combine(samples, "assignment.json"), "--out", head);

        Assert.Equal(0, exit);
        Assert.Equal(28, EncoderHead.Load(head).Manifest.Answers); // 30 rows, of which one is empty and one names an unknown question
    }

    [Fact]
    public async Task Eval_MissingDirectory_FailsWithExitCodeTwo()
    {
        var exit = await Run<EvalCommand>("--format", "saf", "--train", Path.Combine(_folder, "nope"), "--cv", "answers");

        Assert.Equal(2, exit);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Task<int> Run<TCommand>(params string[] args)
        where TCommand : class, ICommand
    {
        var app = new CommandApp<TCommand>();
        return app.RunAsync(args);
    }
}
