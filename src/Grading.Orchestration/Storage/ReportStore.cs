using Grading.Core.Reports;

namespace Grading.Orchestration.Storage;

/// <summary>reports/{batchId}/: the files a teacher downloads.</summary>
public sealed class ReportStore(GradingStorage storage)
{
    public static string Prefix(string batchId) => $"{batchId}/";

    public Task WriteAsync(string batchId, string fileName, byte[] content, CancellationToken cancellationToken = default) =>
        storage.UploadAsync(Containers.Reports, Prefix(batchId) + fileName, new BinaryData(content), cancellationToken);

    public Task<BinaryData?> TryReadAsync(string batchId, string fileName, CancellationToken cancellationToken = default) =>
        storage.TryDownloadAsync(Containers.Reports, Prefix(batchId) + fileName, cancellationToken);

    public static IReadOnlyList<string> Files { get; } =
        [ResultFiles.ResultsJsonl, ResultFiles.ResultsCsv, ResultFiles.ErrorsJsonl, ResultFiles.SummaryJson];
}
