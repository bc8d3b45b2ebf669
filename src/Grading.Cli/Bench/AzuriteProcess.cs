using Grading.Cli.LocalEngine;

namespace Grading.Cli.Bench;

/// <summary>
/// The project's own Azurite, so a benchmark can say how much CPU the storage emulator took: here it shares the cores
/// with the grader, where in Azure storage runs on other machines.
/// </summary>
internal static class AzuriteProcess
{
    /// <summary>CPU time the local Azurite has used so far; null when it is not the project's own or cannot be read.</summary>
    public static TimeSpan? CpuTime()
    {
        using var process = AzuriteLauncher.OwnProcess(RepositoryRoot.Find());
        try
        {
            return process?.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            // It exited between the lookup and the read.
            return null;
        }
    }
}
