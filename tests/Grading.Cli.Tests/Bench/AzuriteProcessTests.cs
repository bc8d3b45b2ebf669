using Grading.Cli.Bench;

namespace Grading.Cli.Tests.Bench;

public sealed class AzuriteProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("azurite-data-").FullName;

    [Fact]
    public void BlobDatabaseBytes_NoDatabase_IsZero()
    {
        Assert.Equal(0, AzuriteProcess.BlobDatabaseBytes(_folder));
        Assert.Equal(0, AzuriteProcess.BlobDatabaseBytes(Path.Combine(_folder, "missing")));
    }

    [Fact]
    public void BlobDatabaseBytes_Database_IsItsSize()
    {
        File.WriteAllBytes(Path.Combine(_folder, "__azurite_db_blob__.json"), new byte[1234]);
        File.WriteAllBytes(Path.Combine(_folder, "__azurite_db_queue__.json"), new byte[99]);

        Assert.Equal(1234, AzuriteProcess.BlobDatabaseBytes(_folder));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
