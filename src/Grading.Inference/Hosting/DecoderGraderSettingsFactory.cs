using Grading.Core.Prompts;
using Grading.Inference.GenAi;

namespace Grading.Inference.Hosting;

/// <summary>Resolves the decoder graders' settings: configuration or command line first, then grading-model.json, then defaults.</summary>
public static class DecoderGraderSettingsFactory
{
    public const int DefaultMaxNewTokens = 256;

    public static DecoderGraderSettings Create(ModelFolder folder, DecoderModelOptions options)
    {
        var manifest = folder.Manifest;
        var template = ChatTemplate.FromName(options.Template ?? manifest.PromptTemplate ?? ChatTemplate.Llama2.Name);
        var formatName = options.OutputFormat ?? manifest.OutputFormat ?? "lines";
        if (!Enum.TryParse<OutputFormat>(formatName, ignoreCase: true, out var format))
        {
            throw new ModelFolderException($"Unknown output format '{formatName}' for model folder '{folder.Path}'. Use lines or json.");
        }

        return new DecoderGraderSettings(
            template,
            format,
            options.MaxNewTokens ?? manifest.MaxNewTokens ?? DefaultMaxNewTokens,
            options.BatchSize,
            manifest.Id ?? System.IO.Path.GetFileName(folder.Path),
            manifest.Version ?? "unversioned");
    }
}
