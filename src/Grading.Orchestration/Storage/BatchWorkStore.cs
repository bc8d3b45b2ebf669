using System.Text.Json;
using Grading.Core.Domain;
using Grading.Core.Reports;
using Grading.Core.Serialization;

namespace Grading.Orchestration.Storage;

/// <summary>
/// The working set of a running batch in batches/{batchId}/: the validated chunks, the row errors, and each
/// chunk's results (its grades and failed rows). Activities pass these blob names instead of rows, keeping
/// orchestration history small.
/// </summary>
public sealed class BatchWorkStore(GradingStorage storage)
{
    public static string ChunkBlob(string batchId, int index) => $"{batchId}/chunks/{index:D5}.json";

    public static string ChunkResultsBlob(string batchId, int index) => $"{batchId}/results/{index:D5}.json";

    public static string RejectedBlob(string batchId) => $"{batchId}/rejected.jsonl";

    public static string SourceErrorsBlob(string batchId) => $"{batchId}/source-errors.jsonl";

    public Task WriteChunkAsync(string batchId, int index, GradingChunk chunk, CancellationToken cancellationToken = default) =>
        storage.UploadAsync(Containers.Batches, ChunkBlob(batchId, index), BinaryData.FromObjectAsJson(chunk, GradingJson.Options), cancellationToken);

    public async Task<GradingChunk> ReadChunkAsync(string batchId, int index, CancellationToken cancellationToken = default)
    {
        var data = await storage.DownloadAsync(Containers.Batches, ChunkBlob(batchId, index), cancellationToken);
        return data.ToObjectFromJson<GradingChunk>(GradingJson.Options)
            ?? throw new InvalidDataException($"Chunk {index} of batch {batchId} is empty.");
    }

    /// <summary>Null when the chunk blob is gone (a re-grade reading the input of an old grade).</summary>
    public async Task<GradingChunk?> TryReadChunkAsync(string batchId, int index, CancellationToken cancellationToken = default)
    {
        var data = await storage.TryDownloadAsync(Containers.Batches, ChunkBlob(batchId, index), cancellationToken);
        return data?.ToObjectFromJson<GradingChunk>(GradingJson.Options);
    }

    public Task WriteRejectedAsync(string batchId, IReadOnlyList<RowError> errors, CancellationToken cancellationToken = default) =>
        storage.UploadAsync(Containers.Batches, RejectedBlob(batchId), new BinaryData(ResultFiles.ToJsonl(errors)), cancellationToken);

    public async Task<IReadOnlyList<RowError>> ReadRejectedAsync(string batchId, CancellationToken cancellationToken = default) =>
        ReadJsonl<RowError>(await storage.TryDownloadAsync(Containers.Batches, RejectedBlob(batchId), cancellationToken));

    /// <summary>
    /// What the client could not make into rows of the batch file (<see cref="Client.BatchRequest.SourceErrors"/>);
    /// written before the batch starts. Returns the blob's name for <see cref="Messages.GradeBatchInput.SourceErrorsBlob"/>.
    /// </summary>
    public async Task<string> WriteSourceErrorsAsync(string batchId, IReadOnlyList<RowError> errors, CancellationToken cancellationToken = default)
    {
        var blob = SourceErrorsBlob(batchId);
        await storage.UploadAsync(Containers.Batches, blob, new BinaryData(ResultFiles.ToJsonl(errors)), cancellationToken);
        return blob;
    }

    /// <summary>The errors in <paramref name="blob"/>; none when it is null (every upload and most requests).</summary>
    public async Task<IReadOnlyList<RowError>> ReadSourceErrorsAsync(string? blob, CancellationToken cancellationToken = default) =>
        blob is null ? [] : ReadJsonl<RowError>(await storage.DownloadAsync(Containers.Batches, blob, cancellationToken));

    public Task WriteChunkResultsAsync(string batchId, int index, ChunkResults results, CancellationToken cancellationToken = default) =>
        storage.UploadAsync(Containers.Batches, ChunkResultsBlob(batchId, index), BinaryData.FromObjectAsJson(results, GradingJson.Options), cancellationToken);

    /// <summary>Null when the chunk wrote no results (its activity failed every attempt).</summary>
    public async Task<ChunkResults?> TryReadChunkResultsAsync(string batchId, int index, CancellationToken cancellationToken = default)
    {
        var data = await storage.TryDownloadAsync(Containers.Batches, ChunkResultsBlob(batchId, index), cancellationToken);
        return data?.ToObjectFromJson<ChunkResults>(GradingJson.Options);
    }

    private static IReadOnlyList<T> ReadJsonl<T>(BinaryData? data)
    {
        if (data is null)
        {
            return [];
        }

        return data.ToString()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<T>(line, GradingJson.Options)!)
            .ToList();
    }
}
