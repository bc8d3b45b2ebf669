using Microsoft.DurableTask.Client;

namespace Grading.Orchestration.Client;

public static class OrchestrationFailure
{
    /// <summary>
    /// Why the orchestration failed. The Functions host fills <see cref="OrchestrationMetadata.FailureDetails"/>; the
    /// local engine's sidecar leaves them empty and keeps the message as the failed instance's output.
    /// </summary>
    public static string? Message(OrchestrationMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.FailureDetails?.ErrorMessage is { Length: > 0 } message ? message
            : metadata.RuntimeStatus == OrchestrationRuntimeStatus.Failed && metadata.SerializedOutput is { Length: > 0 } output ? output
            : null;
    }
}
