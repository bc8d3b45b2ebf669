using System.ComponentModel.DataAnnotations;

namespace Grading.Cli.Hosting;

/// <summary>The local twin of the blob trigger (section Grading:Uploads), used by <c>grading serve</c>.</summary>
public sealed class UploadScanOptions
{
    public const string SectionName = "Grading:Uploads";

    /// <summary>Scan the submissions container for uploads at all.</summary>
    public bool Scan { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Only blobs under this prefix, e.g. "quiz-1/" to watch one assignment. Default: the whole container.</summary>
    public string? Prefix { get; set; }
}
