using Grading.Orchestration.Activities;
using Grading.Orchestration.Messages;
using Grading.Orchestration.Orchestrators;
using Grading.Orchestration.Regrade;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Grading.Functions.Durable;

/// <summary>
/// Grading.Orchestration's class-based orchestrators and activities as Durable Functions. The DurableTask source
/// generator (which would emit these from [DurableTask]) is not among the served packages, so these are thin
/// [Function] wrappers with the same names; the classes hold all the logic and are the ones the local host registers.
/// </summary>
public sealed class GradingOrchestrationFunctions(IServiceProvider services)
{
    [Function(GradeBatchOrchestrator.Name)]
    public Task<BatchResult> GradeBatch([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new GradeBatchOrchestrator().RunAsync(context, Input<GradeBatchInput>(context));

    [Function(GradeChunkRangeOrchestrator.Name)]
    public Task<RangeOutcome> GradeChunkRange([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new GradeChunkRangeOrchestrator().RunAsync(context, Input<ChunkRange>(context));

    [Function(PrepareBatchActivity.Name)]
    public Task<PreparedBatch> PrepareBatch([ActivityTrigger] GradeBatchInput input, FunctionContext function) =>
        Activity<PrepareBatchActivity>().RunAsync(Context(PrepareBatchActivity.Name, function), input);

    [Function(GradeChunkActivity.Name)]
    public Task<ChunkOutcome> GradeChunk([ActivityTrigger] GradeChunkInput input, FunctionContext function) =>
        Activity<GradeChunkActivity>().RunAsync(Context(GradeChunkActivity.Name, function), input);

    [Function(WriteReportActivity.Name)]
    public Task<BatchResult> WriteReport([ActivityTrigger] WriteReportInput input, FunctionContext function) =>
        Activity<WriteReportActivity>().RunAsync(Context(WriteReportActivity.Name, function), input);

    [Function(RegradeOrchestrator.Name)]
    public Task<RegradeResult> Regrade([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RegradeOrchestrator().RunAsync(context, Input<RegradeInput>(context));

    [Function(FindStaleGradesActivity.Name)]
    public Task<StaleGrades> FindStaleGrades([ActivityTrigger] FindStaleGradesInput input, FunctionContext function) =>
        Activity<FindStaleGradesActivity>().RunAsync(Context(FindStaleGradesActivity.Name, function), input);

    [Function(ListGradedAssignmentsActivity.Name)]
    public Task<IReadOnlyList<string>> ListGradedAssignments([ActivityTrigger] string regradeId, FunctionContext function) =>
        Activity<ListGradedAssignmentsActivity>().RunAsync(Context(ListGradedAssignmentsActivity.Name, function), regradeId);

    private static T Input<T>(TaskOrchestrationContext context) =>
        context.GetInput<T>() ?? throw new InvalidOperationException($"Orchestration {context.Name} ({context.InstanceId}) started without its {typeof(T).Name} input.");

    private T Activity<T>() where T : class => ActivatorUtilities.CreateInstance<T>(services);

    private static FunctionActivityContext Context(string name, FunctionContext function) =>
        new(name, function.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id?.ToString() ?? "" : "");
}
