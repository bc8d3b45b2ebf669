using Grading.Core.Prompts;

namespace Grading.Inference.GenAi;

/// <summary>How the decoder graders prompt and batch: resolved from grading-model.json, configuration and the command line.</summary>
public sealed record DecoderGraderSettings(
    ChatTemplate Template,
    OutputFormat Format,
    int MaxNewTokens,
    int BatchSize,
    string ModelId,
    string ModelVersion)
{
    public string VersionTag => $"{ModelId}@{ModelVersion}+{Template.Name}-{Format.ToString().ToLowerInvariant()}";
}
