using System.Text.Json;
using Grading.Inference.GenAi;

namespace Grading.Inference.TestModels;

/// <summary>
/// <c>grading make-test-model DIR</c>: a complete model folder with random weights: the int4 decoder in ORT GenAI's
/// layout, its genai_config.json, a byte-level tokenizer, a grading-model.json, and a tiny int4 score head.
/// </summary>
public static class TestModelWriter
{
    public const string ModelId = "tiny-random-llama-int4";

    public static void Write(string folder, TinyDecoderShape? shape = null)
    {
        shape ??= new TinyDecoderShape();
        Directory.CreateDirectory(folder);
        TinyDecoderBuilder.Write(folder, shape);
        GenAiConfigFile.Write(folder, shape);
        ByteLevelTokenizerFiles.Write(folder);
        TinyScoreHeadBuilder.Write(folder, shape.Hidden, shape.Seed + 1);
        var manifest = new GradingModelManifest
        {
            Id = ModelId,
            Version = $"seed{shape.Seed}-h{shape.Hidden}-l{shape.Layers}",
            PromptTemplate = "chatml",
            OutputFormat = "lines",
            MaxNewTokens = 64,
            ScoreHead = TinyScoreHeadBuilder.FileName,
        };
        File.WriteAllText(Path.Combine(folder, GradingModelManifest.FileName), JsonSerializer.Serialize(manifest, GradingModelManifest.JsonOptions));
    }
}
