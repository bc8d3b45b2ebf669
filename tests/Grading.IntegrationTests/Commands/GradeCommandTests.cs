using System.Text.Json;
using System.Text.RegularExpressions;
using Grading.Core.Domain;
using Grading.Core.Serialization;
using Grading.IntegrationTests.LocalEngine;
using Grading.IntegrationTests.Pipeline;
using Microsoft.DurableTask.Client;

namespace Grading.IntegrationTests.Commands;

/// <summary>The README's main command, run as a process against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class GradeCommandTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string outDirectory = Path.Combine(Path.GetTempPath(), "grading-cli-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Grade_SampleBatch_PrintsSummaryAndWritesTheFiveFiles()
    {
        await using var hub = azurite.CreateTaskHub();
        var sample = Path.Combine(azurite.RepositoryRoot, "samples", "intro-science");

        var result = await GradingProcess.RunAsync(
            azurite.RepositoryRoot,
            "grade", Path.Combine(sample, "batch.csv"),
            "--assignment", Path.Combine(sample, "assignment.json"),
            "--out", outDirectory,
            "--task-hub", hub.Options.TaskHubName);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Contains("needs review", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("water-cycle", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(
            ["errors.jsonl", "report.html", "results.csv", "results.jsonl", "summary.json"],
            Directory.GetFiles(outDirectory).Select(Path.GetFileName).Order());

        var grades = ReadJsonl<Grade>("results.jsonl");
        Assert.Equal(28, grades.Count);
        var errors = ReadJsonl<RowError>("errors.jsonl");
        Assert.Equal([(28, "answer"), (30, "questionId")], errors.Select(e => (e.Row, e.Field)));

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDirectory, "summary.json")));
        Assert.Equal(28, summary.RootElement.GetProperty("graded").GetInt32());
        Assert.Equal(2, summary.RootElement.GetProperty("rejected").GetInt32());
        Assert.True(summary.RootElement.TryGetProperty("agreement", out _));

        // The batch carries human scores, so the report has both charts and names the two rejected rows.
        var report = File.ReadAllText(Path.Combine(outDirectory, "report.html"));
        Assert.Contains("<figure id=\"histogram\"><svg", report, StringComparison.Ordinal);
        Assert.Contains("<figure id=\"scatter\"><svg", report, StringComparison.Ordinal);
        Assert.Contains("Rows not graded (2)", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_BinaryFile_ExitsNonZeroWithOneLineReason()
    {
        await using var hub = azurite.CreateTaskHub();
        Directory.CreateDirectory(outDirectory);
        var binary = Path.Combine(outDirectory, "scan.csv");
        await File.WriteAllBytesAsync(binary, [0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xFF]);

        var result = await GradingProcess.RunAsync(azurite.RepositoryRoot, "grade", binary, "--task-hub", hub.Options.TaskHubName);

        Assert.Equal(2, result.ExitCode);
        var reason = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("binary", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_SigtermWhileGrading_CancelsTheBatchAndExits130()
    {
        await using var hub = azurite.CreateTaskHub();
        Directory.CreateDirectory(outDirectory);
        var assignmentId = GeneratedBatches.NewAssignmentId();
        var batch = Path.Combine(outDirectory, "large.csv");
        var assignment = Path.Combine(outDirectory, "assignment.json");
        await File.WriteAllBytesAsync(batch, GeneratedBatches.Csv(3000));
        await File.WriteAllBytesAsync(assignment, GeneratedBatches.AssignmentJson(assignmentId));

        var result = await GradingProcess.RunAndInterruptAsync(
            azurite.RepositoryRoot, " started.", "grade", batch, "--assignment", assignment, "--task-hub", hub.Options.TaskHubName);

        Assert.True(result.ExitCode == 130, $"exit {result.ExitCode}: {result.StandardOutput}{result.StandardError}");
        Assert.Contains("canceled (grades written so far are kept)", result.StandardError, StringComparison.Ordinal);
        var batchId = BatchIdStarted().Match(result.StandardOutput).Groups[1].Value;
        await using var engine = await TestEngineHost.StartAsync(hub.Options);
        var instance = await engine.Client.GetInstanceAsync(batchId);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, instance?.RuntimeStatus);
    }

    [Fact]
    public async Task Grade_SafDirectoryWithABadFileAndAnUnscoredAnswer_GradesEveryReadableAnswerAgainstTheTutors()
    {
        await using var hub = azurite.CreateTaskHub();
        var saf = Path.Combine(outDirectory, "saf-week1");
        Directory.CreateDirectory(saf);
        foreach (var file in Directory.GetFiles(Path.Combine(azurite.RepositoryRoot, "samples", "saf-mini"), "*.xml"))
        {
            File.Copy(file, Path.Combine(saf, Path.GetFileName(file)));
        }

        await File.WriteAllTextAsync(Path.Combine(saf, "broken.xml"), "<question id=\"x\"><questionText>unclosed");
        // An answer no tutor has scored yet is graded too; only the agreement figures leave it out.
        await File.WriteAllTextAsync(Path.Combine(saf, "m4.xml"), """
            <question id="m4"><questionText>What does DNS do?</questionText>
              <referenceAnswers><referenceAnswer id="r">It maps host names to IP addresses.</referenceAnswer></referenceAnswers>
              <studentAnswers>
                <studentAnswer id="m4.1"><response>It turns names into IP addresses.</response><response_feedback>Correct.</response_feedback><score>1</score></studentAnswer>
                <studentAnswer id="m4.2"><response>It resolves host names to addresses.</response></studentAnswer>
              </studentAnswers></question>
            """);
        var results = Path.Combine(outDirectory, "results");

        var result = await GradingProcess.RunAsync(azurite.RepositoryRoot, "grade", saf, "--out", results, "--task-hub", hub.Options.TaskHubName);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Contains("skipped broken.xml: file: not well-formed XML", result.StandardError, StringComparison.Ordinal);
        var grades = File.ReadAllLines(Path.Combine(results, "results.jsonl")).Select(line => JsonSerializer.Deserialize<Grade>(line, GradingJson.Options)!).ToList();
        Assert.Equal(26, grades.Count);
        Assert.All(grades, grade => Assert.Equal("saf-week1", grade.AssignmentId));
        Assert.Equal(0.5, grades.Single(grade => grade.SubmissionId == "m2.3").HumanScore);
        var unscored = grades.Single(grade => grade.SubmissionId == "m4.2");
        Assert.Null(unscored.HumanScore);
        Assert.InRange(unscored.Score, 0, 1);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "summary.json")));
        Assert.Equal(25, summary.RootElement.GetProperty("agreement").GetProperty("n").GetInt32());
        Assert.Equal(25, summary.RootElement.GetProperty("feedbackAgreement").GetProperty("n").GetInt32());
        Assert.Contains("Agreement with human feedback (n=25): BLEU", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Agreement with human feedback</th>", File.ReadAllText(Path.Combine(results, "report.html")), StringComparison.Ordinal);

        // The unreadable file is in the batch's own record too, not only on the console.
        var error = Assert.Single(ReadJsonl<RowError>(Path.Combine("results", "errors.jsonl")));
        Assert.Equal((0, "file"), (error.Row, error.Field));
        Assert.StartsWith("broken.xml: not well-formed XML", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, summary.RootElement.GetProperty("rejected").GetInt32());
        Assert.Equal(27, summary.RootElement.GetProperty("rows").GetInt32());
    }

    [Fact]
    public async Task Grade_MissingFile_ExitsNonZeroNamingTheFile()
    {
        var result = await GradingProcess.RunAsync(azurite.RepositoryRoot, "grade", "no-such-batch.csv");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no-such-batch.csv", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(outDirectory))
        {
            Directory.Delete(outDirectory, recursive: true);
        }
    }

    [GeneratedRegex(@"Batch (\S+) started\.")]
    private static partial Regex BatchIdStarted();

    private List<T> ReadJsonl<T>(string file) =>
        File.ReadAllLines(Path.Combine(outDirectory, file))
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<T>(line, GradingJson.Options)!)
            .ToList();
}
