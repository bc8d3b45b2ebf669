using Microsoft.DurableTask;

namespace Grading.Functions.Durable;

/// <summary>The <see cref="TaskActivityContext"/> a class-based activity expects, made from the activity trigger's binding data.</summary>
internal sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;
}
