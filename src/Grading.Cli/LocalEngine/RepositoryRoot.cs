namespace Grading.Cli.LocalEngine;

/// <summary>Finds the checkout the CLI or a test runs from, where node_modules and .azurite live.</summary>
public static class RepositoryRoot
{
    public const string SolutionFileName = "GradingFunctions.sln";

    public static string Find(string? startDirectory = null)
    {
        string start = startDirectory ?? AppContext.BaseDirectory;
        for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder holding {SolutionFileName} was found above '{start}'. Run from inside the GradingFunctions checkout.");
    }
}
