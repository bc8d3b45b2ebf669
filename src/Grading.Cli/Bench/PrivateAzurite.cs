using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grading.Cli.LocalEngine;

namespace Grading.Cli.Bench;

/// <summary>
/// An Azurite of a benchmark's own: an empty data folder in the temp directory and three free loopback ports, stopped
/// and deleted at the end. The figures then do not depend on what the checkout's Azurite holds (one holding the blobs
/// of many earlier runs spends several times the CPU per request), and nothing of the checkout's is touched.
/// </summary>
internal sealed class PrivateAzurite : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly int _blobPort;

    private PrivateAzurite(Process process, string dataDirectory, int blobPort)
    {
        _process = process;
        DataDirectory = dataDirectory;
        _blobPort = blobPort;
    }

    public string DataDirectory { get; }

    /// <summary>Keep <see cref="DataDirectory"/> when disposed (the benchmark's --keep).</summary>
    public bool KeepData { get; set; }

    public string ConnectionString => AzuriteLauncher.ConnectionString(_blobPort);

    /// <summary>CPU time Azurite has used so far; null once it has exited.</summary>
    public TimeSpan? CpuTime()
    {
        try
        {
            _process.Refresh();
            return _process.HasExited ? null : _process.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public static async Task<PrivateAzurite> StartAsync(string repositoryRoot, CancellationToken cancellationToken = default)
    {
        var executable = await AzuriteLauncher.EnsureInstalledAsync(repositoryRoot, cancellationToken);
        var blobPort = FreeConsecutivePorts(3);
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"grading-bench-azurite-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);

        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in AzuriteLauncher.Arguments(dataDirectory, blobPort, blobPort + 1, blobPort + 2))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new LocalEngineUnavailableException($"Could not start {executable}.");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (errors) { errors.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var azurite = new PrivateAzurite(process, dataDirectory, blobPort);

        try
        {
            var waited = Stopwatch.StartNew();
            while (!await AzuriteLauncher.AllPortsAnswerAsync(blobPort, cancellationToken))
            {
                if (process.HasExited || waited.Elapsed > StartTimeout)
                {
                    lock (errors)
                    {
                        throw new LocalEngineUnavailableException($"The benchmark's own Azurite did not answer on 127.0.0.1:{blobPort}-{blobPort + 2} within {StartTimeout.TotalSeconds:0} s. {errors}".TrimEnd());
                    }
                }

                await Task.Delay(100, cancellationToken);
            }
        }
        catch
        {
            // Not started (or Ctrl+C while starting): no Azurite or data folder of ours is left behind.
            await azurite.DisposeAsync();
            throw;
        }

        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (!KeepData)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open a moment after the kill; the temp directory is the system's to clean.
            }
        }
    }

    /// <summary>The first of <paramref name="count"/> consecutive loopback ports that nothing listens on now.</summary>
    private static int FreeConsecutivePorts(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var listeners = new List<TcpListener>();
            try
            {
                var first = new TcpListener(IPAddress.Loopback, 0);
                first.Start();
                listeners.Add(first);
                var firstPort = ((IPEndPoint)first.LocalEndpoint).Port;
                if (firstPort + count - 1 > IPEndPoint.MaxPort)
                {
                    continue;
                }

                for (var port = firstPort + 1; port < firstPort + count; port++)
                {
                    var next = new TcpListener(IPAddress.Loopback, port);
                    next.Start();
                    listeners.Add(next);
                }

                return firstPort;
            }
            catch (SocketException)
            {
                // A neighbouring port is taken; try another first port.
            }
            finally
            {
                listeners.ForEach(listener => listener.Stop());
            }
        }

        throw new LocalEngineUnavailableException($"Found no {count} consecutive free loopback ports for the benchmark's own Azurite.");
    }
}
