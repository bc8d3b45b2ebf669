namespace Grading.Cli.Hosting;

/// <summary>Where the local host keeps its state: a storage account (Azurite by default) and a task hub in it.</summary>
public sealed record LocalHostOptions(string StorageConnectionString, string TaskHubName)
{
    /// <summary>
    /// How long a queue message taken by a worker that then vanished (killed process, storage restart) stays
    /// invisible before another worker picks it up: the recovery time after a crash. Keep it above the longest chunk.
    /// </summary>
    public TimeSpan QueueVisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Configuration values from the command line (e.g. the grader choice), laid over the host's configuration.</summary>
    public IReadOnlyDictionary<string, string?>? Configuration { get; init; }

    /// <summary>
    /// Log when the engine starts taking work and each activity run (which process graded which chunk): on for
    /// <c>serve</c>, where several processes share a hub.
    /// </summary>
    public bool LogActivities { get; init; }

    public const string DevelopmentStorage = "UseDevelopmentStorage=true";
    public const string DefaultTaskHub = "grading";

    /// <summary>Command-line values first, then the same environment variables the Functions app reads, then local defaults.</summary>
    public static LocalHostOptions From(LocalHostSettings settings)
    {
        var options = new LocalHostOptions(
            settings.Storage ?? Environment.GetEnvironmentVariable("Grading__Storage__ConnectionString") ?? DevelopmentStorage,
            settings.TaskHub ?? Environment.GetEnvironmentVariable("Grading__TaskHub") ?? DefaultTaskHub);
        return settings.QueueVisibilityTimeoutSeconds is { } seconds ? options with { QueueVisibilityTimeout = TimeSpan.FromSeconds(seconds) } : options;
    }
}
