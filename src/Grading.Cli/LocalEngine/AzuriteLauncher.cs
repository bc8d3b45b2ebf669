using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Grading.Cli.LocalEngine;

/// <summary>
/// Starts the project-local Azurite (npm devDependency, see package.json) when nothing answers on
/// the storage emulator ports. The C# twin of scripts/azurite.sh, for the CLI and the tests.
/// </summary>
public static class AzuriteLauncher
{
    public const int BlobPort = 10000;
    public const int QueuePort = 10001;
    public const int TablePort = 10002;

    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Where the project's own Azurite keeps its data, log and pid file.</summary>
    public static string DataDirectory(string repositoryRoot) => Path.Combine(repositoryRoot, ".azurite");

    /// <summary>
    /// The running Azurite this checkout started (the pid its launcher or scripts/azurite.sh wrote); null when none
    /// runs, e.g. when another checkout's Azurite answers on the same ports. The caller disposes it.
    /// </summary>
    public static Process? OwnProcess(string repositoryRoot)
    {
        string pidFile = PidFile(DataDirectory(repositoryRoot));
        try
        {
            if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), out int pid))
            {
                return null;
            }

            Process process = Process.GetProcessById(pid);
            if (!process.HasExited)
            {
                return process;
            }

            process.Dispose();
            return null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException or Win32Exception)
        {
            return null;
        }
    }

    public static async Task EnsureRunningAsync(string repositoryRoot, CancellationToken cancellationToken = default)
    {
        if (await PortAnswersAsync(BlobPort, cancellationToken))
        {
            return;
        }

        string dataDirectory = DataDirectory(repositoryRoot);
        Directory.CreateDirectory(dataDirectory);

        // Test processes and CLI runs may start together; only one of them may run npm ci or spawn Azurite.
        await using FileStream startLock = await AcquireLockAsync(Path.Combine(dataDirectory, "start.lock"), cancellationToken);
        if (await PortAnswersAsync(BlobPort, cancellationToken))
        {
            return;
        }

        string azuriteExecutable = await InstallUnderLockAsync(repositoryRoot, cancellationToken);
        string logFile = Path.Combine(dataDirectory, "azurite.log");
        StartDetached(azuriteExecutable, dataDirectory, logFile, repositoryRoot);
        await WaitForPortsAsync(logFile, cancellationToken);
    }

    /// <summary>Installs Azurite from package-lock.json when node_modules lacks it; returns the executable's path.</summary>
    public static async Task<string> EnsureInstalledAsync(string repositoryRoot, CancellationToken cancellationToken = default)
    {
        string dataDirectory = DataDirectory(repositoryRoot);
        Directory.CreateDirectory(dataDirectory);
        await using FileStream installLock = await AcquireLockAsync(Path.Combine(dataDirectory, "start.lock"), cancellationToken);
        return await InstallUnderLockAsync(repositoryRoot, cancellationToken);
    }

    static async Task<string> InstallUnderLockAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        await EnsureToolInstalledAsync("node", repositoryRoot, cancellationToken);
        string azuriteExecutable = Path.Combine(repositoryRoot, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
        if (!File.Exists(azuriteExecutable))
        {
            await EnsureToolInstalledAsync("npm", repositoryRoot, cancellationToken);
            await RunToCompletionAsync("npm", ["ci", "--no-audit", "--no-fund"], repositoryRoot, cancellationToken);
            if (!File.Exists(azuriteExecutable))
            {
                throw new LocalEngineUnavailableException($"npm ci finished but {azuriteExecutable} is still missing; is azurite in package.json?");
            }
        }

        return azuriteExecutable;
    }

    public static async Task<bool> PortAnswersAsync(int port, CancellationToken cancellationToken = default)
    {
        using TcpClient client = new();
        using CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (Exception exception) when (exception is SocketException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    /// <summary>Whether an Azurite answers on <paramref name="blobPort"/> and the queue and table ports after it.</summary>
    public static async Task<bool> AllPortsAnswerAsync(int blobPort, CancellationToken cancellationToken = default)
    {
        for (int port = blobPort; port < blobPort + 3; port++)
        {
            if (!await PortAnswersAsync(port, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    static string PidFile(string dataDirectory) => Path.Combine(dataDirectory, "azurite.pid");

    // Azurite's well-known development account key: public, documented, and only valid against the emulator.
    const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The connection string of an Azurite on loopback whose blob, queue and table ports follow from <paramref name="blobPort"/>.</summary>
    public static string ConnectionString(int blobPort) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{blobPort + 1}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{blobPort + 2}/devstoreaccount1;";

    // --disableTelemetry: Azurite 3.3x reports usage to Microsoft by default; a grading machine holding students'
    // answers should not phone home, and here it cannot anyway.
    /// <summary>How the project runs Azurite: loopback only, quiet, with its data in <paramref name="dataDirectory"/>.</summary>
    public static IReadOnlyList<string> Arguments(string dataDirectory, int blobPort = BlobPort, int queuePort = QueuePort, int tablePort = TablePort) =>
    [
        "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--location", dataDirectory,
        "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
        "--blobPort", blobPort.ToString(CultureInfo.InvariantCulture), "--queuePort", queuePort.ToString(CultureInfo.InvariantCulture),
        "--tablePort", tablePort.ToString(CultureInfo.InvariantCulture),
    ];

    static void StartDetached(string azuriteExecutable, string dataDirectory, string logFile, string workingDirectory)
    {
        ProcessStartInfo startInfo;
        if (OperatingSystem.IsWindows())
        {
            // A shell-executed process is not tied to this console, so it survives our exit.
            startInfo = new ProcessStartInfo(azuriteExecutable) { UseShellExecute = true, WindowStyle = ProcessWindowStyle.Hidden };
            foreach (string argument in Arguments(dataDirectory))
            {
                startInfo.ArgumentList.Add(argument);
            }
        }
        else
        {
            // Through sh with '&' and (when present) setsid: Azurite gets its own session, is reparented to
            // init, and writes to a file instead of our pipes, so neither Ctrl+C nor our exit stops it.
            // The pid file is the one scripts/azurite.sh stop reads.
            string command = string.Join(' ', new[] { azuriteExecutable }.Concat(Arguments(dataDirectory)).Select(ShellQuote));
            string script = $"if command -v setsid >/dev/null 2>&1; then detach=setsid; else detach=; fi; "
                + $"$detach {command} </dev/null >>{ShellQuote(logFile)} 2>&1 & "
                + $"echo $! >{ShellQuote(PidFile(dataDirectory))}";
            startInfo = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
            startInfo.ArgumentList.Add("-c");
            startInfo.ArgumentList.Add(script);
        }

        startInfo.WorkingDirectory = workingDirectory;
        using Process launcher = Process.Start(startInfo)
            ?? throw new LocalEngineUnavailableException($"Could not start {azuriteExecutable}.");
        if (!OperatingSystem.IsWindows())
        {
            launcher.WaitForExit();
        }
    }

    static async Task WaitForPortsAsync(string logFile, CancellationToken cancellationToken)
    {
        Stopwatch elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < StartTimeout)
        {
            if (await AllPortsAnswerAsync(BlobPort, cancellationToken))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        throw new LocalEngineUnavailableException(
            $"Azurite did not answer on 127.0.0.1:{BlobPort}-{TablePort} within {StartTimeout.TotalSeconds:0} s; see {logFile}.");
    }

    static async Task EnsureToolInstalledAsync(string tool, string workingDirectory, CancellationToken cancellationToken)
    {
        try
        {
            await RunToCompletionAsync(tool, ["--version"], workingDirectory, cancellationToken);
        }
        catch (Win32Exception exception)
        {
            throw new LocalEngineUnavailableException(
                $"'{tool}' was not found on PATH. Azurite is installed and run with Node.js and npm: install Node.js (with npm), "
                + "then run 'npm ci' in the repository root, or start any storage emulator on ports 10000-10002.",
                exception);
        }
    }

    static async Task RunToCompletionAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        ProcessStartInfo startInfo = new(fileName)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(startInfo) ?? throw new LocalEngineUnavailableException($"Could not start {fileName}.");
        Task<string> standardOutput = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> standardError = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new LocalEngineUnavailableException(
                $"'{fileName} {string.Join(' ', arguments)}' exited with {process.ExitCode}:{Environment.NewLine}{await standardError}{await standardOutput}");
        }
    }

    static async Task<FileStream> AcquireLockAsync(string lockPath, CancellationToken cancellationToken)
    {
        Stopwatch elapsed = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (elapsed.Elapsed < LockTimeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
    }

    static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''") + "'";
}
