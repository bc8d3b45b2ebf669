using System.Text.RegularExpressions;

namespace Grading.Functions.Tests;

/// <summary>
/// No docker engine runs here, so the images are checked as text: the base images, the project they publish, the
/// GenAI runtime switch, and that the model lands where the Bicep's Grading__Model__Path points.
/// </summary>
public sealed partial class DockerfileTests
{
    private const string FunctionsBase = "mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0";
    private const string SdkImage = "mcr.microsoft.com/dotnet/sdk:10.0";

    public static TheoryData<string> Dockerfiles => new() { "Dockerfile", "Dockerfile.cuda" };

    private static string Read(string name) => File.ReadAllText(RepositoryFiles.Path("src", "Grading.Functions", name));

    private static IReadOnlyList<string> Stages(string dockerfile) =>
        FromLine().Matches(dockerfile).Select(m => m.Groups["image"].Value).ToList();

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Dockerfile_Stages_BuildWithTheNet10SdkAndRunOnTheFunctionsIsolatedHost(string name)
    {
        var stages = Stages(Read(name));

        Assert.Equal(FunctionsBase, stages[^1]);
        Assert.Contains(SdkImage, stages);
        Assert.DoesNotContain(stages, image => image.EndsWith(":latest", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Dockerfile_Publish_IsTheFunctionsProjectThatExists(string name)
    {
        var publish = Assert.Single(PublishLine().Matches(Read(name)));

        var project = publish.Groups["project"].Value;
        Assert.Equal("src/Grading.Functions/Grading.Functions.csproj", project);
        Assert.True(File.Exists(RepositoryFiles.Path(project.Split('/'))), project);
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Dockerfile_Publish_IsForThePlatformAzdBuildsFrameworkDependent(string name)
    {
        var publish = Assert.Single(PublishLine().Matches(Read(name))).Value;
        var azure = File.ReadAllText(RepositoryFiles.Path("azure.yaml"));

        Assert.Contains("platform: amd64", azure, StringComparison.Ordinal);
        Assert.Contains(" -r linux-x64 --self-contained false ", publish, StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfiles_GenAiRuntime_OnlyTheCudaImageSwitchesAndThePackagesKnowTheSwitch()
    {
        Assert.DoesNotContain("GenAiRuntime", Read("Dockerfile"), StringComparison.Ordinal);
        Assert.Contains("-p:GenAiRuntime=Cuda", Read("Dockerfile.cuda"), StringComparison.Ordinal);

        var packages = File.ReadAllText(RepositoryFiles.Path("Directory.Packages.props"));
        Assert.Contains("\"Microsoft.ML.OnnxRuntimeGenAI.Cuda\"", packages, StringComparison.Ordinal);
        Assert.Contains("'$(GenAiRuntime)' == 'Cuda'", packages, StringComparison.Ordinal);
        Assert.Contains("nvidia/cuda:12", Read("Dockerfile.cuda"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Dockerfile_Model_LandsWhereTheBicepPointsGradingModelPath(string name)
    {
        var bicep = File.ReadAllText(RepositoryFiles.Path("infra", "main.bicep"));
        var modelPath = Assert.Single(ModelPathParam().Matches(bicep)).Groups["path"].Value;
        var dockerfile = Read(name);

        Assert.Equal("/models/grader", modelPath);
        Assert.Contains($"mkdir -p {modelPath}", dockerfile, StringComparison.Ordinal);
        Assert.Contains("COPY --from=model /models /models", dockerfile, StringComparison.Ordinal);
        Assert.True(Directory.Exists(RepositoryFiles.Path("models")), "models/ must exist for COPY models/");
    }

    [GeneratedRegex(@"^FROM\s+(?<image>\S+)", RegexOptions.Multiline)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"dotnet publish\s+(?<project>\S+\.csproj)[^\n]*")]
    private static partial Regex PublishLine();

    [GeneratedRegex(@"param modelPath string = '(?<path>[^']+)'")]
    private static partial Regex ModelPathParam();
}
