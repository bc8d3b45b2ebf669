using Grading.Cli.Commands;

namespace Grading.Cli.Tests.Commands;

public sealed class GradeSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("grade-settings-").FullName;

    [Fact]
    public void Validate_Directory_IsASafBatch()
    {
        var settings = new GradeSettings { File = _folder };

        Assert.True(settings.Validate().Successful);
        Assert.True(settings.IsSaf);
    }

    [Fact]
    public void Validate_SafDirectoryWithAssignment_FailsSayingSafCarriesItsQuestions()
    {
        var assignment = Path.Combine(_folder, "assignment.json");
        File.WriteAllText(assignment, "{}");

        var result = new GradeSettings { File = _folder, Assignment = assignment }.Validate();

        Assert.False(result.Successful);
        Assert.Contains("carries its questions", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DirectoryAsCsv_FailsNamingTheDirectory()
    {
        var result = new GradeSettings { File = _folder, Format = "csv" }.Validate();

        Assert.False(result.Successful);
        Assert.Contains($"'{_folder}' is a directory", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FileAsSaf_FailsNamingTheMissingDirectory()
    {
        var file = Path.Combine(_folder, "rows.csv");
        File.WriteAllText(file, "submissionId,answer");

        var result = new GradeSettings { File = file, Format = "saf" }.Validate();

        Assert.False(result.Successful);
        Assert.Contains($"The SAF directory '{file}' does not exist", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownFormat_FailsListingTheFormats()
    {
        var result = new GradeSettings { File = _folder, Format = "xml" }.Validate();

        Assert.False(result.Successful);
        Assert.Contains("Use one of: saf, jsonl, csv.", result.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
