using Grading.Inference.Hosting;
using Grading.Orchestration.Api;
using Grading.Orchestration.Options;
using Grading.Orchestration.Regrade;

namespace Grading.Functions.Hosting;

/// <summary>
/// Every app setting the deployed Functions app reads, as environment variable names ("__" for ":"). The Bicep
/// (infra/modules/functions-app.bicep) sets exactly these; a test compares the two lists, so a setting added or
/// renamed on one side only fails the build. The Grading ones derive from the options classes that bind them.
/// </summary>
public static class AppSettingNames
{
    /// <summary>The Functions host's own storage (Durable task hub, blob trigger), reached with the managed identity.</summary>
    public const string HostStorageConnection = "AzureWebJobsStorage";

    public const string HostStorageAccountName = HostStorageConnection + "__accountName";
    public const string HostStorageCredential = HostStorageConnection + "__credential";
    public const string HostStorageClientId = HostStorageConnection + "__clientId";

    /// <summary>DefaultAzureCredential picks the user-assigned identity from this.</summary>
    public const string AzureClientId = "AZURE_CLIENT_ID";

    public const string WorkerRuntime = "FUNCTIONS_WORKER_RUNTIME";
    public const string ApplicationInsights = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The Durable task hub's name, as configuration key; host.json refers to it as %Grading:TaskHub%.</summary>
    /// <remarks>The host resolves %...% through configuration, where "Grading__TaskHub" is the key "Grading:TaskHub";
    /// a reference spelled with "__" does not resolve (azure-functions-host issue 10246).</remarks>
    public const string TaskHubKey = "Grading:TaskHub";

    public const string TaskHub = "Grading__TaskHub";

    /// <summary>The re-grading timer's cron; the timer trigger binds it as %Grading:Regrade:Cron%.</summary>
    public static string RegradeCron { get; } = Env(RegradeOptions.CronSetting);

    public static string GradingStorageAccountName { get; } = Env(GradingOptions.SectionName, nameof(GradingOptions.Storage), nameof(StorageOptions.AccountName));

    public static string ModelPath { get; } = Env(DecoderModelOptions.SectionName, nameof(DecoderModelOptions.Path));

    public static string Grader { get; } = Env(GraderOptions.SectionName, nameof(GraderOptions.Grader));

    /// <summary>Settings the Bicep sets for the deployed app, and the app reads.</summary>
    public static IReadOnlyList<string> Deployed { get; } =
    [
        HostStorageAccountName, HostStorageCredential, HostStorageClientId, AzureClientId, WorkerRuntime, ApplicationInsights,
        GradingStorageAccountName, TaskHub, ModelPath, RegradeCron, Grader,
    ];

    /// <summary>Settings with defaults that a deployment may add (local.settings.sample.json shows them).</summary>
    public static IReadOnlyList<string> Optional { get; } =
    [
        Env(GradingOptions.SectionName, nameof(GradingOptions.ChunkSize)),
        Env(GradingOptions.SectionName, nameof(GradingOptions.MaxParallelChunks)),
        Env(GradingOptions.SectionName, nameof(GradingOptions.MaxChunksPerOrchestration)),
        Env(GradingOptions.SectionName, nameof(GradingOptions.MaxAnswerLength)),
        Env(GradingOptions.SectionName, nameof(GradingOptions.ReviewBelowConfidence)),
        Env(ApiOptions.SectionName, nameof(ApiOptions.MaxRequestBodyBytes)),
    ];

    /// <summary>The environment variable for a configuration key: "Grading:Model" + "Path" is "Grading__Model__Path".</summary>
    public static string Env(params string[] keyParts) => string.Join("__", keyParts.SelectMany(p => p.Split(':')));
}
