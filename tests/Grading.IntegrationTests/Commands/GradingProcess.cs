using System.Diagnostics;

namespace Grading.IntegrationTests.Commands;

/// <summary>Runs the built <c>grading</c> command as a user would, and captures what it prints.</summary>
internal static class GradingProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static async Task<Result> RunAsync(string repositoryRoot, params string[] arguments)
    {
        // The CLI's own build output, in the same configuration as this test assembly (Debug or Release).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var cli = Path.Combine(repositoryRoot, "src", "Grading.Cli", "bin", configuration, "net10.0", "grading.dll");
        Assert.True(File.Exists(cli), $"Build the CLI first: {cli} is missing.");

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(cli);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A narrow, colourless console keeps the output plain and stable to assert on.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "120";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
