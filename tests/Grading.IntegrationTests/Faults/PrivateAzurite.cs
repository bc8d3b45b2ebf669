using System.Diagnostics;
using Grading.Cli.LocalEngine;

namespace Grading.IntegrationTests.Faults;

/// <summary>
/// An Azurite of one test's own, on its own ports and data folder, so the test can stop and restart it
/// without disturbing the shared emulator other tests use.
/// </summary>
internal sealed class PrivateAzurite : IAsyncDisposable
{
    private readonly string executable;
    private readonly int firstPort;
    private Process? process;

    private PrivateAzurite(string executable, int firstPort)
    {
        this.executable = executable;
        this.firstPort = firstPort;
        DataDirectory = Path.Combine(Path.GetTempPath(), "azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
    }

    public string DataDirectory { get; }

    public string ConnectionString => AzuriteLauncher.ConnectionString(firstPort);

    public static async Task<PrivateAzurite> StartAsync(string repositoryRoot, int firstPort)
    {
        var azurite = new PrivateAzurite(await AzuriteLauncher.EnsureInstalledAsync(repositoryRoot), firstPort);
        await azurite.StartAsync();
        return azurite;
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in AzuriteLauncher.Arguments(DataDirectory, firstPort, firstPort + 1, firstPort + 2))
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start)!;
        var waited = Stopwatch.StartNew();
        while (!await AzuriteLauncher.AllPortsAnswerAsync(firstPort))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "The private Azurite did not start within 30 s.");
            await Task.Delay(100);
        }
    }

    /// <summary>Stops the emulator as an operator would (SIGTERM); its data stays on disk for the restart.</summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString()]);
            await kill.WaitForExitAsync();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process?.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned by the OS eventually.
        }
    }
}
