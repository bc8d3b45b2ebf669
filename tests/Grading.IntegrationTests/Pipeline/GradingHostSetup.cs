using Microsoft.Extensions.DependencyInjection;

namespace Grading.IntegrationTests.Pipeline;

/// <summary>How a test's <see cref="GradingHostLease"/> differs from the default local host.</summary>
public sealed record GradingHostSetup
{
    /// <summary>Replaces or decorates services (e.g. the grader) after the host registered its own.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Configuration values laid over the host's, e.g. <c>Grading:ChunkSize</c>.</summary>
    public IReadOnlyDictionary<string, string?>? Configuration { get; init; }

    /// <summary>Another storage account than the shared Azurite (a test's private emulator); null: the shared one.</summary>
    public string? StorageConnectionString { get; init; }
}
