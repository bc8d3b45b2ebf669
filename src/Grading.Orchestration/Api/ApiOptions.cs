using System.ComponentModel.DataAnnotations;

namespace Grading.Orchestration.Api;

/// <summary>Settings of the HTTP API (section Grading:Api), the same in both hosts.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Grading:Api";

    /// <summary>Largest request body accepted; larger ones get 413. Batches above it belong in the submissions container.</summary>
    [Range(1024, 1L << 31)]
    public long MaxRequestBodyBytes { get; set; } = 10 * 1024 * 1024;
}
