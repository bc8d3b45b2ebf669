using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Serialization;
using DurableTask.Core;
using DurableTask.Core.History;

namespace Grading.Cli.LocalEngine;

/// <summary>
/// Forwards every call to the real <see cref="IOrchestrationService"/>, but first turns what the gRPC sidecar hands
/// over when it commits an orchestration step into events that DTFx Azure Storage can write and read back.
/// Two things in the sidecar (Microsoft.DurableTask.InProcessTestHost 0.2.3-preview.1) break sub-orchestrations:
/// <list type="bullet">
/// <item>It records the parent's SubOrchestrationInstanceCreated as its own subclass,
/// GrpcSubOrchestrationInstanceCreatedEvent, which is not a [DataContract]. Azure Storage's table converter only
/// writes [DataMember]s of [DataContract] types, starting from the runtime type, so the History row is written with
/// no properties at all; the parent's next replay then fails with "The TableEntity did not contain a 'EventType'
/// property" and the parent never finishes.</item>
/// <item>It passes the sub-orchestration's tags through as a protobuf MapField. Azure Storage serializes queue
/// messages with type names, and the receiving side cannot resolve Google.Protobuf's MapField, so the
/// sub-orchestration's ExecutionStarted message is never delivered.</item>
/// </list>
/// Both are replaced here by the plain DTFx types before anything is stored. In Azure Functions the Durable
/// extension creates these events itself, so the orchestrators need nothing special.
/// </summary>
public class StorableEventsOrchestrationService : DispatchProxy
{
    private static readonly ConcurrentDictionary<Type, bool> StorableTypes = new();
    private IOrchestrationService inner = null!;

    public static IOrchestrationService Wrap(IOrchestrationService inner)
    {
        var proxy = Create<IOrchestrationService, StorableEventsOrchestrationService>();
        ((StorableEventsOrchestrationService)(object)proxy).inner = inner;
        return proxy;
    }

    /// <summary>
    /// Replaces the sidecar's new events and outgoing orchestration messages by storable ones, in place (the
    /// runtime state's lists are the ones the orchestration service writes).
    /// </summary>
    public static void MakeStorable(OrchestrationRuntimeState runtimeState, IEnumerable<TaskMessage> orchestratorMessages)
    {
        ArgumentNullException.ThrowIfNull(runtimeState);
        ArgumentNullException.ThrowIfNull(orchestratorMessages);
        for (var i = 0; i < runtimeState.NewEvents.Count; i++)
        {
            var newEvent = runtimeState.NewEvents[i];
            var storable = Storable(newEvent);
            if (!ReferenceEquals(storable, newEvent))
            {
                runtimeState.NewEvents[i] = storable;
                ReplaceInHistory(runtimeState.Events, newEvent, storable);
            }
        }

        foreach (var message in orchestratorMessages)
        {
            if (message.Event is ExecutionStartedEvent started)
            {
                started.Tags = PlainTags(started.Tags);
            }
        }
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IOrchestrationService.CompleteTaskOrchestrationWorkItemAsync)
            && args is [_, OrchestrationRuntimeState runtimeState, _, IList<TaskMessage> orchestratorMessages, ..])
        {
            MakeStorable(runtimeState, orchestratorMessages);
        }

        return ProxyForwarding.Invoke(inner, targetMethod, args);
    }

    private static void ReplaceInHistory(IList<HistoryEvent> events, HistoryEvent original, HistoryEvent storable)
    {
        // New events sit at the end of the history; search from there.
        for (var i = events.Count - 1; i >= 0; i--)
        {
            if (ReferenceEquals(events[i], original))
            {
                events[i] = storable;
                return;
            }
        }
    }

    private static HistoryEvent Storable(HistoryEvent historyEvent)
    {
        if (StorableTypes.GetOrAdd(historyEvent.GetType(), type => type.IsDefined(typeof(DataContractAttribute), inherit: false)))
        {
            return historyEvent;
        }

        return historyEvent switch
        {
            SubOrchestrationInstanceCreatedEvent created => new SubOrchestrationInstanceCreatedEvent(created.EventId)
            {
                Timestamp = created.Timestamp,
                IsPlayed = created.IsPlayed,
                Name = created.Name,
                Version = created.Version,
                InstanceId = created.InstanceId,
                Input = created.Input,
                Tags = PlainTags(created.Tags),
            },

            // Written as it is, such an event would become an empty History row and break every later replay.
            _ => throw new NotSupportedException(
                $"The Durable sidecar produced a history event of type {historyEvent.GetType().FullName} ({historyEvent.EventType}), " +
                "which the Azure Storage provider cannot store: it is not a [DataContract]."),
        };
    }

    private static Dictionary<string, string>? PlainTags(IDictionary<string, string>? tags) =>
        tags is null or Dictionary<string, string> ? (Dictionary<string, string>?)tags : new Dictionary<string, string>(tags);
}
