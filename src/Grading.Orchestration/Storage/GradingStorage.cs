using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Grading.Orchestration.Options;

namespace Grading.Orchestration.Storage;

/// <summary>The one <see cref="BlobServiceClient"/> of the process (clients are thread-safe singletons).</summary>
public sealed class GradingStorage
{
    private readonly Lazy<Task> containersCreated;

    public GradingStorage(StorageOptions options)
    {
        Service = Create(options);
        containersCreated = new Lazy<Task>(() => CreateContainersAsync());
    }

    public BlobServiceClient Service { get; }

    public BlobContainerClient Container(string name) => Service.GetBlobContainerClient(name);

    /// <summary>Creates the containers once per process; cheap to await again.</summary>
    public Task EnsureContainersAsync() => containersCreated.Value;

    public async Task<BinaryData?> TryDownloadAsync(string container, string blobName, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await Container(container).GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
            return result.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The blob's content at exactly this ETag.</summary>
    /// <exception cref="BlobChangedException">The blob was replaced or deleted since.</exception>
    public async Task<BinaryData> DownloadAsync(string container, string blobName, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await Container(container).GetBlobClient(blobName).DownloadContentAsync(
                new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = ifMatch } }, cancellationToken);
            return result.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            throw new BlobChangedException($"Blob '{container}/{blobName}' no longer has ETag {ifMatch}: it was replaced or deleted after the batch started (a new upload starts its own batch).");
        }
    }

    public async Task<BinaryData> DownloadAsync(string container, string blobName, CancellationToken cancellationToken = default) =>
        await TryDownloadAsync(container, blobName, cancellationToken)
        ?? throw new FileNotFoundException($"Blob '{container}/{blobName}' does not exist.");

    public Task UploadAsync(string container, string blobName, BinaryData content, CancellationToken cancellationToken = default) =>
        Container(container).GetBlobClient(blobName).UploadAsync(content, overwrite: true, cancellationToken);

    /// <summary>Uploads with metadata, e.g. the mark that tells the upload trigger a blob is a batch's own copy.</summary>
    public Task UploadAsync(string container, string blobName, BinaryData content, IDictionary<string, string> metadata, CancellationToken cancellationToken = default) =>
        Container(container).GetBlobClient(blobName).UploadAsync(content, new BlobUploadOptions { Metadata = metadata }, cancellationToken);

    private async Task CreateContainersAsync()
    {
        foreach (var name in Containers.All)
        {
            await Container(name).CreateIfNotExistsAsync(PublicAccessType.None);
        }
    }

    private static BlobServiceClient Create(StorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new BlobServiceClient(options.ConnectionString);
        }

        var uri = options.BlobServiceUri ?? new Uri($"https://{options.AccountName}.blob.core.windows.net");
        return new BlobServiceClient(uri, new DefaultAzureCredential());
    }
}
