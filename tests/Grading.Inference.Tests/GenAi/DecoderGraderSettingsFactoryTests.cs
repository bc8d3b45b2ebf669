using Grading.Core.Prompts;
using Grading.Inference.GenAi;
using Grading.Inference.Hosting;

namespace Grading.Inference.Tests.GenAi;

public sealed class DecoderGraderSettingsFactoryTests
{
    [Fact]
    public void Create_NoManifestNoOptions_UsesDefaults()
    {
        var folder = new ModelFolder("/models/llama-2-13b-grader", new GradingModelManifest(), "model.onnx");

        var settings = DecoderGraderSettingsFactory.Create(folder, new DecoderModelOptions());

        Assert.Equal(ChatTemplate.Llama2, settings.Template);
        Assert.Equal(OutputFormat.Lines, settings.Format);
        Assert.Equal(DecoderGraderSettingsFactory.DefaultMaxNewTokens, settings.MaxNewTokens);
        Assert.Equal("llama-2-13b-grader@unversioned+llama2-lines", settings.VersionTag);
    }

    [Fact]
    public void Create_OptionsAndManifest_OptionsWin()
    {
        var manifest = new GradingModelManifest { Id = "m", Version = "3", PromptTemplate = "chatml", OutputFormat = "json", MaxNewTokens = 99 };
        var folder = new ModelFolder("/models/m", manifest, "model.onnx");

        var settings = DecoderGraderSettingsFactory.Create(folder, new DecoderModelOptions { Template = "phi3" });

        Assert.Equal(ChatTemplate.Phi3, settings.Template);
        Assert.Equal(OutputFormat.Json, settings.Format);
        Assert.Equal(99, settings.MaxNewTokens);
        Assert.Equal("m@3+phi3-json", settings.VersionTag);
    }

    [Fact]
    public void Open_CorruptManifest_ThrowsNamingTheFolder()
    {
        var folder = Directory.CreateTempSubdirectory("manifest-").FullName;
        try
        {
            Grading.Inference.TestModels.TestModelWriter.Write(folder);
            File.WriteAllText(Path.Combine(folder, GradingModelManifest.FileName), "{ not json");

            var error = Assert.Throws<ModelFolderException>(() => ModelFolder.Open(folder));

            Assert.Contains(folder, error.Message);
            Assert.Contains(GradingModelManifest.FileName, error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
