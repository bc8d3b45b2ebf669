using System.Text.Json;
using System.Text.RegularExpressions;
using Grading.Functions.Hosting;
using Grading.Orchestration.Api;
using YamlDotNet.RepresentationModel;

namespace Grading.Functions.Tests;

/// <summary>The deployment (Bicep, host.json, azure.yaml, the sample settings) and the app agree on names.</summary>
public sealed partial class DeploymentSettingsTests
{
    /// <summary>The names in functions-app.bicep's <c>var appSettings = [ ... ]</c>.</summary>
    private static IReadOnlyList<string> BicepAppSettings()
    {
        var bicep = File.ReadAllText(RepositoryFiles.Path("infra", "modules", "functions-app.bicep"));
        var block = AppSettingsBlock().Match(bicep);
        Assert.True(block.Success, "functions-app.bicep has no 'var appSettings = [ ... ]' block");
        return SettingName().Matches(block.Groups[1].Value).Select(m => m.Groups[1].Value).ToList();
    }

    [Fact]
    public void Bicep_AppSettings_AreExactlyTheOnesTheAppReads()
    {
        var bicep = BicepAppSettings();

        Assert.Equal(bicep.Count, bicep.Distinct().Count());
        Assert.Equal(AppSettingNames.Deployed.Order(), bicep.Order());
    }

    [Fact]
    public void AppSettingNames_GradingSettings_FollowTheOptionsClasses()
    {
        // Spelled out once here: renaming an options property or section changes the derived name and fails this.
        Assert.Equal(
            ["Grading__Storage__AccountName", "Grading__Model__Path", "Grading__Grader"],
            [AppSettingNames.GradingStorageAccountName, AppSettingNames.ModelPath, AppSettingNames.Grader]);
    }

    [Fact]
    public void HostJson_DurableHubAndConcurrency_AreWhatTheAppExpects()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("host.json")));
        var extensions = host.RootElement.GetProperty("extensions");
        var durable = extensions.GetProperty("durableTask");

        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
        Assert.Equal($"%{AppSettingNames.TaskHubKey}%", durable.GetProperty("hubName").GetString());
        Assert.Equal(AppSettingNames.TaskHub, AppSettingNames.Env(AppSettingNames.TaskHubKey));
        Assert.InRange(durable.GetProperty("maxConcurrentActivityFunctions").GetInt32(), 1, 64);
        Assert.Equal("AzureStorage", durable.GetProperty("storageProvider").GetProperty("type").GetString());
        Assert.All(ApiRoutes.All, r => Assert.StartsWith("/" + extensions.GetProperty("http").GetProperty("routePrefix").GetString() + "/", r.Path));
    }

    [Fact]
    public void HostJson_PartitionCount_MatchesTheBicepScaleRules()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("host.json")));
        var partitions = host.RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("storageProvider").GetProperty("partitionCount").GetInt32();
        var bicep = File.ReadAllText(RepositoryFiles.Path("infra", "main.bicep"));

        Assert.Matches($@"param taskHubPartitionCount int = {partitions}\b", bicep);
    }

    [Fact]
    public void HostJson_PartitionManager_IsTheTableOneTheLocalEngineUses()
    {
        // Written out although it is the 3.x default: the blob-lease manager stalled scale-out (docs/local-engine.md).
        using var host = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("host.json")));
        var provider = host.RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("storageProvider");

        Assert.True(provider.GetProperty("useTablePartitionManagement").GetBoolean());
    }

    [Fact]
    public void HostJson_InTheBuildOutput_IsTheRootOne()
    {
        Assert.Equal(File.ReadAllText(RepositoryFiles.Path("host.json")), File.ReadAllText(RepositoryFiles.FunctionsOutput("host.json")));
    }

    [Fact]
    public void AzureYaml_FunctionsService_PointsAtTheProjectAndItsDockerfile()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(RepositoryFiles.Path("azure.yaml")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var services = (YamlMappingNode)root["services"];
        var (name, node) = Assert.Single(services.Children);
        var service = (YamlMappingNode)node;
        var bicep = File.ReadAllText(RepositoryFiles.Path("infra", "main.bicep"));
        Assert.Matches($@"var serviceName = '{((YamlScalarNode)name).Value}'", bicep);

        var project = RepositoryFiles.Path(((YamlScalarNode)service["project"]).Value!);
        Assert.True(File.Exists(Path.Combine(project, "Grading.Functions.csproj")), $"azure.yaml project '{project}' holds no Grading.Functions.csproj");
        var docker = (YamlMappingNode)service["docker"];
        Assert.True(File.Exists(Path.Combine(project, ((YamlScalarNode)docker["path"]).Value!)), "azure.yaml docker.path does not exist");
        Assert.Equal(RepositoryFiles.Root, Path.GetFullPath(Path.Combine(project, ((YamlScalarNode)docker["context"]).Value!)).TrimEnd(Path.DirectorySeparatorChar));
        Assert.Equal("containerapp", ((YamlScalarNode)service["host"]).Value);
    }

    [Fact]
    public void LocalSettingsSample_ShowsEveryGradingSetting()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("src", "Grading.Functions", "local.settings.sample.json")));
        var values = sample.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name).ToHashSet();

        // Locally the storage is a connection string, not the managed identity's account name.
        var expected = AppSettingNames.Deployed.Concat(AppSettingNames.Optional)
            .Where(n => n.StartsWith("Grading__", StringComparison.Ordinal) && n != AppSettingNames.GradingStorageAccountName)
            .Append("Grading__Storage__ConnectionString").Append(AppSettingNames.HostStorageConnection).Append(AppSettingNames.WorkerRuntime);
        var missing = expected.Where(n => !values.Contains(n)).ToList();
        var unknown = values.Where(n => n.StartsWith("Grading__", StringComparison.Ordinal) && !expected.Contains(n)).ToList();
        Assert.True(missing.Count == 0, "missing from the sample: " + string.Join(", ", missing));
        Assert.True(unknown.Count == 0, "in the sample but read by nothing: " + string.Join(", ", unknown));
    }

    [GeneratedRegex(@"var appSettings = \[(.*?)\n\]", RegexOptions.Singleline)]
    private static partial Regex AppSettingsBlock();

    [GeneratedRegex(@"\{\s*name:\s*'([^']+)'")]
    private static partial Regex SettingName();
}
