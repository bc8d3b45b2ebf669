using Grading.Core.Grading;
using Grading.Inference.GenAi;
using Grading.Inference.Hosting;
using Grading.Inference.Head;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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

        var error = Assert.Throws<ModelFolderException>(() => services.GetRequiredService<IGrader>());

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

    private static ServiceProvider Build(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddGraders(configuration).BuildServiceProvider();
    }
}
