using System.Reflection;
using System.Text.Json;
using Grading.Functions.Triggers;
using Grading.Orchestration.Api;
using Grading.Orchestration.Orchestrators;
using Grading.Orchestration.Regrade;
using Microsoft.DurableTask;

namespace Grading.Functions.Tests;

/// <summary>The functions.metadata the Functions SDK generates at build: what the Functions host would index.</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Dictionary<string, JsonElement> Functions = Load();

    private static Dictionary<string, JsonElement> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.FunctionsOutput("functions.metadata")));
        return document.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    }

    private static IEnumerable<JsonElement> Bindings(string function) => Functions[function].GetProperty("bindings").EnumerateArray();

    private static JsonElement Trigger(string function) => Assert.Single(Bindings(function), b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    /// <summary>The class-based tasks of Grading.Orchestration, by their [DurableTask] names.</summary>
    private static IReadOnlyList<(string Name, bool IsOrchestrator)> DurableTasks() =>
        typeof(GradeBatchOrchestrator).Assembly.GetTypes()
            .Select(t => (Type: t, Attribute: t.GetCustomAttribute<DurableTaskAttribute>()))
            .Where(t => t.Attribute is not null && !t.Type.IsAbstract)
            .Select(t => (t.Attribute!.Name.Name, typeof(ITaskOrchestrator).IsAssignableFrom(t.Type)))
            .ToList();

    [Fact]
    public void Metadata_Functions_AreTheRoutesTheTasksAndTheUploadTrigger()
    {
        var expected = ApiRoutes.All.Select(r => r.Name)
            .Concat(DurableTasks().Select(t => t.Name))
            .Append(SubmissionUploadedFunction.Name)
            .Append(ScheduledRegradeFunction.Name)
            .Order();

        Assert.Equal(expected, Functions.Keys.Order());
    }

    [Fact]
    public void Metadata_HttpFunctions_HaveTheRouteMethodAndAuthLevelOfTheirApiRoute()
    {
        foreach (var route in ApiRoutes.All)
        {
            var trigger = Trigger(route.Name);
            Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
            Assert.Equal(route.Template, trigger.GetProperty("route").GetString());
            Assert.Equal([route.Method.ToLowerInvariant()], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()));
            Assert.Equal(route.Anonymous ? "Anonymous" : "Function", trigger.GetProperty("authLevel").GetString());
            Assert.Contains(Bindings(route.Name), b => b.GetProperty("type").GetString() == "http" && b.GetProperty("direction").GetString() == "Out");
        }
    }

    [Fact]
    public void Metadata_HttpFunctionsThatReachBatches_BindTheDurableClient()
    {
        var withClient = ApiRoutes.All.Where(r => Bindings(r.Name).Any(b => b.GetProperty("type").GetString() == "durableClient")).Select(r => r.Name);

        Assert.Equal(
            new[] { ApiRoutes.Grade, ApiRoutes.StartBatch, ApiRoutes.BatchStatus, ApiRoutes.BatchResults, ApiRoutes.CancelBatch, ApiRoutes.StartRegrade, ApiRoutes.RegradeStatus }.Select(r => r.Name).Order(),
            withClient.Order());
    }

    [Fact]
    public void Metadata_DurableTasks_HaveOrchestrationOrActivityTriggers()
    {
        foreach (var (name, isOrchestrator) in DurableTasks())
        {
            Assert.Equal(isOrchestrator ? "orchestrationTrigger" : "activityTrigger", Trigger(name).GetProperty("type").GetString());
            Assert.Single(Bindings(name));
        }
    }

    [Fact]
    public void Metadata_UploadTrigger_WatchesSubmissionsWithTheHostStorageConnection()
    {
        var trigger = Trigger(SubmissionUploadedFunction.Name);

        Assert.Equal("blobTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("submissions/{assignmentId}/{name}", trigger.GetProperty("path").GetString());
        Assert.Equal("AzureWebJobsStorage", trigger.GetProperty("connection").GetString());
        Assert.Contains(Bindings(SubmissionUploadedFunction.Name), b => b.GetProperty("type").GetString() == "durableClient");
    }

    [Fact]
    public void Metadata_RegradeTimer_RunsOnTheCronSettingWithTheDurableClient()
    {
        var trigger = Trigger(ScheduledRegradeFunction.Name);

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%" + RegradeOptions.CronSetting + "%", trigger.GetProperty("schedule").GetString());
        Assert.Equal("%Grading:Regrade:Cron%", trigger.GetProperty("schedule").GetString());
        Assert.Contains(Bindings(ScheduledRegradeFunction.Name), b => b.GetProperty("type").GetString() == "durableClient");
    }
}
