using Grading.Core.Reports;
using Grading.Orchestration.Client;

namespace Grading.Cli.Output;

/// <summary>Copies a finished batch's report files from blob storage into a local folder.</summary>
internal static class ResultDownloader
{
    public static IReadOnlyList<string> Files { get; } =
        [ResultFiles.ResultsJsonl, ResultFiles.ResultsCsv, ResultFiles.SummaryJson, ResultFiles.ErrorsJsonl, ResultFiles.ReportHtml];

    public static async Task DownloadAsync(BatchClient batches, string batchId, string directory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        foreach (var file in Files)
        {
            var content = await batches.ReadReportFileAsync(batchId, file, cancellationToken)
                ?? throw new FileNotFoundException($"The report file {file} of batch {batchId} is missing.");
            await File.WriteAllBytesAsync(Path.Combine(directory, file), content.ToArray(), cancellationToken);
        }
    }
}
