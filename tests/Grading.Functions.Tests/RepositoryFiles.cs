namespace Grading.Functions.Tests;

/// <summary>Files of the checkout the tests run from: host.json, azure.yaml, the Bicep, the Functions app's build output.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The Functions app's build output in this test's configuration (Debug or Release).</summary>
    public static string FunctionsOutput(string fileName)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar)).Parent!.Name;
        var file = Path("src", "Grading.Functions", "bin", configuration, "net10.0", fileName);
        Assert.True(File.Exists(file), $"Build src/Grading.Functions first: {file} is missing.");
        return file;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "GradingFunctions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("No GradingFunctions.sln above the test's folder.");
    }
}
