using Grading.Core.Grading;
using Grading.Inference.GenAi;
using Grading.Inference.Hosting;
using Grading.Inference.Head;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Grading.Inference.Tests.GenAi;

public sealed class AddGradersTests(TinyModelFixture fixture) : IClassFixture<TinyModelFixture>
{
    [Theory]
    [InlineData("genai", GenAiGrader.GraderName)]
    [InlineData("two-stage", TwoStageGrader.GraderName)]
    [InlineData("score-head", "score-head")]
    public void AddGraders_GraderConfigured_ResolvesThatGrader(string kind, string expectedName)
    {
        using var services = Build(new() { ["Grading:Grader"] = kind, ["Grading:Model:Path"] = fixture.Folder, ["Grading:Model:Template"] = "phi3" });

        var grader = services.GetRequiredService<IGrader>();

        Assert.Equal(expectedName, grader.Name);
        Assert.Contains("phi3", grader.ModelVersion);
    }

    [Fact]
    public void AddGraders_TwoStageWithScoreHeadInFolder_UsesTheScoreHeadForScores()
    {
        using var services = Build(new() { ["Grading:Grader"] = "two-stage", ["Grading:Model:Path"] = fixture.Folder });

        Assert.StartsWith("score-head:", services.GetRequiredService<IGrader>().ModelVersion);
    }

    [Fact]
    public void AddGraders_NothingConfigured_ResolvesTheEncoderWithoutLoadingTheDecoder()
    {
        using var services = Build([]);

        Assert.Equal(EncoderHeadGrader.GraderName, services.GetRequiredKeyedService<IGrader>(GraderKinds.Encoder).Name);
        Assert.Equal(GraderKinds.Encoder, services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GraderOptions>>().Value.Grader);
    }

    [Fact]
    public void AddGraders_GenAiWithoutModelPath_FailsNamingTheSetting()
    {
        using var services = Build(new() { ["Grading:Grader"] = "genai" });

        // Checked when the options are first read (at host start with ValidateOnStart), before any grader loads.
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IGrader>());

        Assert.Contains("Grading:Model:Path", error.Message);
    }

    [Fact]
    public void GraderCatalog_BatchNamesAGrader_GetsThatOneElseTheConfiguredOne()
    {
        using var services = Build(new() { ["Grading:Grader"] = "score-head", ["Grading:Model:Path"] = fixture.Folder });
        var catalog = services.GetRequiredService<GraderCatalog>();

        Assert.Equal("score-head", catalog.For(null).Name);
        Assert.Equal(GenAiGrader.GraderName, catalog.For(GraderKinds.GenAi).Name);
        Assert.Throws<ArgumentException>(() => catalog.For("gpt"));
    }

    [Theory]
    [InlineData("genai")]
    [InlineData("two-stage")]
    [InlineData("score-head")]
    public async Task StartAsync_ModelFolderMissing_FailsAtStartNamingThePath(string kind)
    {
        var missing = Path.Combine(Path.GetTempPath(), "grading-no-such-model-" + Guid.NewGuid().ToString("N"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartHostAsync(kind, missing));

        Assert.Contains(missing, error.Message);
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public async Task StartAsync_FolderWithoutGenAiConfig_FailsAtStartNamingThePathAndTheFile()
    {
        using var folder = CopyOfTinyModel();
        File.Delete(Path.Combine(folder.Path, "genai_config.json"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartHostAsync(GraderKinds.GenAi, folder.Path));

        Assert.Contains(folder.Path, error.Message);
        Assert.Contains("genai_config.json", error.Message);
    }

    [Fact]
    public async Task StartAsync_CorruptGenAiConfig_FailsAtStartNamingThePath()
    {
        using var folder = CopyOfTinyModel();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "genai_config.json"), "{ \"model\": { \"decoder\": ");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartHostAsync(GraderKinds.TwoStage, folder.Path));

        Assert.Contains(folder.Path, error.Message);
        Assert.Contains("genai_config.json is not a valid", error.Message);
    }

    [Fact]
    public async Task StartAsync_ScoreHeadNamedButMissing_FailsAtStartNamingTheHead()
    {
        using var folder = CopyOfTinyModel();
        var head = ModelFolder.Open(folder.Path).ScoreHeadPath!;
        File.Delete(head);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartHostAsync(GraderKinds.ScoreHead, folder.Path));

        Assert.Contains(head, error.Message);
    }

    [Fact]
    public async Task StartAsync_EncoderWithMissingModelFolder_StartsBecauseTheFolderIsNotUsed()
    {
        var missing = Path.Combine(Path.GetTempPath(), "grading-no-such-model-" + Guid.NewGuid().ToString("N"));

        using var host = await StartHostAsync(GraderKinds.Encoder, missing);

        Assert.Equal(GraderKinds.Encoder, host.Services.GetRequiredService<IOptions<GraderOptions>>().Value.Grader);
        await host.StopAsync();
    }

    private static async Task<IHost> StartHostAsync(string kind, string modelPath)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Grading:Grader"] = kind, ["Grading:Model:Path"] = modelPath });
        builder.Services.AddGraders(builder.Configuration);
        var host = builder.Build();
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    private TempFolder CopyOfTinyModel()
    {
        var copy = new TempFolder();
        foreach (var file in Directory.GetFiles(fixture.Folder))
        {
            File.Copy(file, Path.Combine(copy.Path, Path.GetFileName(file)));
        }

        return copy;
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("grading-model-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    private static ServiceProvider Build(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddGraders(configuration).BuildServiceProvider();
    }
}
