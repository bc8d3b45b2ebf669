using Grading.Cli.LocalEngine;

namespace Grading.Cli.Bench;

/// <summary>
/// The project's own Azurite, so a benchmark can say how much CPU the storage emulator took: here it shares the cores
/// with the grader, where in Azure storage runs on other machines.
/// </summary>
internal static class AzuriteProcess
{
    /// <summary>Above this, a benchmark warns: Azurite's blob metadata is one in-memory database it searches and saves whole.</summary>
    public const long CrowdedBlobDatabaseBytes = 5_000_000;

    /// <summary>
    /// Size of the blob metadata database in an Azurite data folder. One holding the blobs of many
    /// earlier runs (26 MB measured) cost the pipeline benchmark 0.766 against 0.844 on an empty one. 0 when there is none.
    /// </summary>
    public static long BlobDatabaseBytes(string dataDirectory)
    {
        var database = new FileInfo(Path.Combine(dataDirectory, "__azurite_db_blob__.json"));
        return database.Exists ? database.Length : 0;
    }

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
