using System.Diagnostics;
using Grading.Cli.LocalEngine;

namespace Grading.Cli.Bench;

/// <summary>
/// The project's own Azurite (the pid its launcher wrote), so a benchmark can say how much CPU the storage emulator
/// took: here it shares the cores with the grader, where in Azure storage runs on other machines.
/// </summary>
internal static class AzuriteProcess
{
    /// <summary>CPU time the local Azurite has used so far; null when it is not the project's own or cannot be read.</summary>
    public static TimeSpan? CpuTime()
    {
        try
        {
            var pidFile = Path.Combine(RepositoryRoot.Find(), ".azurite", "azurite.pid");
            if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
            {
                return null;
            }

            using var process = Process.GetProcessById(pid);
            return process.TotalProcessorTime;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
