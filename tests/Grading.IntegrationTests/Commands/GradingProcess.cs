using System.Diagnostics;

namespace Grading.IntegrationTests.Commands;

/// <summary>Runs the built <c>grading</c> command as a user would, and captures what it prints.</summary>
internal static class GradingProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static Task<Result> RunAsync(string repositoryRoot, params string[] arguments) =>
        RunAsync(repositoryRoot, interruptAfterLine: null, arguments);

    /// <summary>Runs the command and sends it SIGTERM (as <c>kill</c>, systemd or a container stop do) once it prints a line containing <paramref name="line"/>.</summary>
    public static Task<Result> RunAndInterruptAsync(string repositoryRoot, string line, params string[] arguments) =>
        RunAsync(repositoryRoot, line, arguments);

    private static async Task<Result> RunAsync(string repositoryRoot, string? interruptAfterLine, string[] arguments)
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
        var stdout = interruptAfterLine is null ? process.StandardOutput.ReadToEndAsync() : ReadThenInterruptAsync(process, interruptAfterLine);
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

    private static async Task<string> ReadThenInterruptAsync(Process process, string line)
    {
        var output = new System.Text.StringBuilder();
        var sent = false;
        while (await process.StandardOutput.ReadLineAsync() is { } next)
        {
            output.AppendLine(next);
            if (!sent && next.Contains(line, StringComparison.Ordinal))
            {
                using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync();
                sent = true;
            }
        }

        return output.ToString();
    }
}
