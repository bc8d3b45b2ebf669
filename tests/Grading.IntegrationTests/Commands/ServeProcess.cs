using System.Collections.Concurrent;
using System.Diagnostics;

namespace Grading.IntegrationTests.Commands;

/// <summary>A <c>grading serve</c> process, as a user starts it: its address, and what it logs on stderr.</summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private const string ListeningPrefix = "Listening on ";

    private readonly Process process;
    private readonly ConcurrentQueue<string> errorLines = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServeProcess(Process process) => this.process = process;

    public Uri Address => listening.Task.Result;

    public int ProcessId => process.Id;

    public IReadOnlyList<string> ErrorLines => errorLines.ToList();

    public static async Task<ServeProcess> StartAsync(string repositoryRoot, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var cli = Path.Combine(repositoryRoot, "src", "Grading.Cli", "bin", configuration, "net10.0", "grading.dll");
        Assert.True(File.Exists(cli), $"Build the CLI first: {cli} is missing.");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(cli);
        start.ArgumentList.Add("serve");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var served = new ServeProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        served.process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith(ListeningPrefix, StringComparison.Ordinal) == true)
            {
                served.listening.TrySetResult(new Uri(e.Data[ListeningPrefix.Length..]));
            }
        };
        served.process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                served.errorLines.Enqueue(e.Data);
            }
        };
        served.process.Exited += (_, _) => served.listening.TrySetException(
            new InvalidOperationException($"grading serve exited with {served.process.ExitCode}: {string.Join('\n', served.errorLines)}"));
        served.process.Start();
        served.process.BeginOutputReadLine();
        served.process.BeginErrorReadLine();
        try
        {
            await served.listening.Task.WaitAsync(TimeSpan.FromMinutes(2));
        }
        catch
        {
            await served.DisposeAsync();
            throw;
        }

        return served;
    }

    /// <summary>Waits until the process logs a line containing <paramref name="text"/> on stderr.</summary>
    public async Task WaitForErrorLineAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!errorLines.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            Assert.False(process.HasExited, $"grading serve exited with {(process.HasExited ? process.ExitCode : 0)} before logging '{text}'");
            Assert.True(DateTime.UtcNow < deadline, $"grading serve did not log '{text}' within {timeout}:\n{string.Join('\n', errorLines.TakeLast(15))}");
            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: the process dies at once, holding whatever work and leases it had (a crashed machine).</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as a service manager stops it, so the engine releases its leases; killed if it does not exit.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString()]))
            {
                await term.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.Dispose();
    }
}
