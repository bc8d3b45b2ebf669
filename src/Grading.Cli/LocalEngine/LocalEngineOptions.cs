namespace Grading.Cli.LocalEngine;

/// <summary>
/// Settings of the local Durable Task engine: the DTFx Azure Storage provider (normally on Azurite)
/// behind an in-process gRPC sidecar, with a Microsoft.DurableTask worker and client.
/// </summary>
public sealed record LocalEngineOptions
{
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public string StorageConnectionString { get; init; } = DevelopmentStorage;

    /// <summary>Azure Storage task hub: 3 to 45 letters and digits, starting with a letter.</summary>
    public string TaskHubName { get; init; } = "GradingLocal";

    /// <summary>
    /// How long a taken activity message stays invisible. A worker that dies while holding one
    /// delays it by this much, so keep it a little above the longest activity (DTFx default: 5 min).
    /// </summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The same for orchestration messages on the control queues (DTFx default: 5 min).</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Activities in flight per engine. Each activity spends about 0.25 s in queue and sidecar round trips
    /// on Azurite, so throughput scales with this even for trivial activities (200 no-op activities: 53 s at 2,
    /// 8-13 s at 8, 8 s at 32, start-up included). Gate scarce resources such as the GPU inside the activity.
    /// </summary>
    public int MaxConcurrentActivities { get; init; } = Math.Max(16, Environment.ProcessorCount * 4);

    public int MaxConcurrentOrchestrations { get; init; } = Environment.ProcessorCount * 2;

    /// <summary>
    /// Upper bound of the idle back-off when polling the queues. DTFx defaults to 30 s, which adds
    /// up to that much latency after a quiet spell; Azurite on loopback makes frequent polls cheap.
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Loopback port of the gRPC sidecar; 0 picks a free one.</summary>
    public int GrpcPort { get; init; }

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(StorageConnectionString))
        {
            throw new ArgumentException("The storage connection string is empty.", nameof(StorageConnectionString));
        }

        if (!TaskHubNames.IsValid(TaskHubName))
        {
            throw new ArgumentException(
                $"Task hub name '{TaskHubName}' is invalid: use 3 to 45 letters and digits, starting with a letter.",
                nameof(TaskHubName));
        }

        if (WorkItemQueueVisibilityTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(WorkItemQueueVisibilityTimeout), "Must be positive.");
        }

        if (MaxQueuePollingInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxQueuePollingInterval), "Must be positive.");
        }

        if (MaxConcurrentActivities < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrentActivities), "Must be at least 1.");
        }

        if (MaxConcurrentOrchestrations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrentOrchestrations), "Must be at least 1.");
        }

        if (GrpcPort is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(GrpcPort), "Must be 0 (pick a free port) or a TCP port.");
        }
    }
}
