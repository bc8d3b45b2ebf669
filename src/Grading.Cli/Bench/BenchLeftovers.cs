using Azure.Storage.Blobs.Models;
using Grading.Orchestration.Storage;
using Microsoft.DurableTask.Client;

namespace Grading.Cli.Bench;

/// <summary>
/// What a pipeline benchmark run leaves behind: its throwaway assignment's uploads and grades, and its batch's working
/// set, report and orchestration history. Deleted when the benchmark ends, so benchmarking a task hub that users grade
/// on does not fill their containers with bench-* grades.
/// </summary>
internal sealed class BenchLeftovers(GradingStorage storage, DurableTaskClient durable)
{
    private readonly List<(string AssignmentId, string BatchId)> runs = [];

    public void Add(string assignmentId, string batchId) => runs.Add((assignmentId, batchId));

    public async Task<int> DeleteAsync(CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        foreach (var (assignmentId, batchId) in runs)
        {
            deleted += await DeletePrefixAsync(Containers.Grades, $"{assignmentId}/", cancellationToken);
            deleted += await DeletePrefixAsync(Containers.Submissions, $"{assignmentId}/", cancellationToken);
            deleted += (await storage.Container(Containers.Assignments).GetBlobClient($"{assignmentId}.json").DeleteIfExistsAsync(cancellationToken: cancellationToken)).Value ? 1 : 0;
            deleted += await DeletePrefixAsync(Containers.Reports, $"{batchId}/", cancellationToken);
            deleted += await DeletePrefixAsync(Containers.Batches, $"{batchId}/", cancellationToken);
            await durable.PurgeInstanceAsync(batchId, cancellationToken);
        }

        runs.Clear();
        return deleted;
    }

    private async Task<int> DeletePrefixAsync(string container, string prefix, CancellationToken cancellationToken)
    {
        var client = storage.Container(container);
        var names = new List<string>();
        await foreach (var blob in client.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            names.Add(blob.Name);
        }

        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (name, token) =>
            await client.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: token));
        return names.Count;
    }
}
