using DurableTask.Core;
using DurableTask.Core.History;
using Google.Protobuf.Collections;
using Grading.Cli.LocalEngine;
using Microsoft.DurableTask.Testing.Sidecar.Dispatcher;
using Newtonsoft.Json;

namespace Grading.Cli.Tests.LocalEngine;

public sealed class StorableEventsOrchestrationServiceTests
{
    private static readonly DateTime At = new(2026, 11, 29, 7, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void MakeStorable_SidecarSubOrchestrationCreatedEvent_BecomesThePlainEventWithTheSameValues()
    {
        var state = NewRuntimeState();
        var sidecarEvent = new GrpcSubOrchestrationInstanceCreatedEvent(3)
        {
            Name = "GradeChunkRange",
            Version = "v1",
            InstanceId = "batch-1:range:400",
            Input = "{\"start\":400}",
            Tags = SidecarTags(("origin", "range")),
            Timestamp = At,
            IsPlayed = true,
        };
        state.AddEvent(sidecarEvent);

        StorableEventsOrchestrationService.MakeStorable(state, []);

        var stored = Assert.IsType<SubOrchestrationInstanceCreatedEvent>(state.NewEvents[^1], exactMatch: true);
        Assert.Same(stored, state.Events[^1]);
        Assert.Equal(
            (3, "GradeChunkRange", "v1", "batch-1:range:400", "{\"start\":400}", At, true),
            (stored.EventId, stored.Name, stored.Version, stored.InstanceId, stored.Input, stored.Timestamp, stored.IsPlayed));
        Assert.Equal(new Dictionary<string, string> { ["origin"] = "range" }, Assert.IsType<Dictionary<string, string>>(stored.Tags));
    }

    [Fact]
    public void MakeStorable_SubOrchestrationStartMessageWithProtobufTags_SurvivesTheQueueSerialization()
    {
        var started = new ExecutionStartedEvent(-1, "{}")
        {
            Name = "GradeChunkRange",
            OrchestrationInstance = new OrchestrationInstance { InstanceId = "batch-1:range:0", ExecutionId = "e1" },
            Tags = SidecarTags(("a", "1"), ("b", "2")),
        };
        var message = new TaskMessage { Event = started, OrchestrationInstance = started.OrchestrationInstance };

        StorableEventsOrchestrationService.MakeStorable(NewRuntimeState(), [message]);

        // DTFx Azure Storage writes queue messages with type names; a protobuf MapField could not be read back.
        var settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Objects };
        var roundTripped = JsonConvert.DeserializeObject<TaskMessage>(JsonConvert.SerializeObject(message, settings), settings)!;
        Assert.Equal(
            new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" },
            ((ExecutionStartedEvent)roundTripped.Event).Tags);
    }

    [Fact]
    public void MakeStorable_PlainEventsAndNoTags_LeavesThemAsTheyAre()
    {
        var state = NewRuntimeState();
        var scheduled = new TaskScheduledEvent(0, "GradeChunk");
        state.AddEvent(scheduled);
        var started = new ExecutionStartedEvent(-1, "{}") { OrchestrationInstance = new OrchestrationInstance { InstanceId = "x" } };

        StorableEventsOrchestrationService.MakeStorable(state, [new TaskMessage { Event = started, OrchestrationInstance = started.OrchestrationInstance }]);

        Assert.Same(scheduled, state.NewEvents[^1]);
        Assert.Null(started.Tags);
    }

    [Fact]
    public void MakeStorable_UnknownEventTypeWithoutDataContract_ThrowsNamingTheType()
    {
        var state = NewRuntimeState();
        state.AddEvent(new UnstorableTimerCreatedEvent(5));

        var error = Assert.Throws<NotSupportedException>(() => StorableEventsOrchestrationService.MakeStorable(state, []));

        Assert.Contains(nameof(UnstorableTimerCreatedEvent), error.Message, StringComparison.Ordinal);
    }

    private static OrchestrationRuntimeState NewRuntimeState()
    {
        var state = new OrchestrationRuntimeState();
        state.AddEvent(new ExecutionStartedEvent(-1, "{}")
        {
            Name = "GradeBatch",
            OrchestrationInstance = new OrchestrationInstance { InstanceId = "batch-1", ExecutionId = "e0" },
        });
        return state;
    }

    private static MapField<string, string> SidecarTags(params (string Key, string Value)[] tags)
    {
        var map = new MapField<string, string>();
        foreach (var (key, value) in tags)
        {
            map.Add(key, value);
        }

        return map;
    }

    private sealed class UnstorableTimerCreatedEvent(int eventId) : TimerCreatedEvent(eventId);
}
