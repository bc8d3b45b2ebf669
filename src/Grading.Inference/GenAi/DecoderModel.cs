using Microsoft.ML.OnnxRuntimeGenAI;

namespace Grading.Inference.GenAi;

/// <summary>
/// The loaded ORT GenAI model and tokenizer: one per process (loading is slow and the weights are large); both are
/// safe to share across generators. Generators are created per chunk by <see cref="GenAiTextGenerator"/>.
/// </summary>
public sealed class DecoderModel : IDisposable
{
    private DecoderModel(ModelFolder folder, Model model, Tokenizer tokenizer, TimeSpan loadTime, IReadOnlyList<int> endTokenIds, int contextLength, string logitsOutputName, string attentionMaskInputName)
    {
        AttentionMaskInputName = attentionMaskInputName;
        LogitsOutputName = logitsOutputName;
        ContextLength = contextLength;
        Folder = folder;
        Model = model;
        Tokenizer = tokenizer;
        LoadTime = loadTime;
        EndTokenIds = endTokenIds.Count > 0 ? endTokenIds : tokenizer.GetEosTokenIds().ToArray();
    }

    public ModelFolder Folder { get; }

    public Model Model { get; }

    public Tokenizer Tokenizer { get; }

    public TimeSpan LoadTime { get; }

    public IReadOnlyList<int> EndTokenIds { get; }

    /// <summary>Prompt plus reply tokens the model takes (genai_config.json model.context_length).</summary>
    public int ContextLength { get; }

    /// <summary>The decoder's logits output (genai_config.json model.decoder.outputs.logits), read for token probabilities.</summary>
    public string LogitsOutputName { get; }

    /// <summary>model.vocab_size of genai_config.json; null when it does not say.</summary>
    public int? VocabularySize { get; private init; }

    /// <summary>The decoder's attention mask input (model.decoder.inputs.attention_mask): where each row's prompt ends.</summary>
    public string AttentionMaskInputName { get; }

    /// <param name="configOverlay">Optional JSON merged over genai_config.json (for example a different eos_token_id or provider).</param>
    public static DecoderModel Load(string path, string? configOverlay = null)
    {
        var folder = ModelFolder.Open(path);
        var started = System.Diagnostics.Stopwatch.StartNew();
        Config? config = null;
        Model? model = null;
        try
        {
            config = new Config(folder.Path);
            if (configOverlay is not null)
            {
                config.Overlay(configOverlay);
            }

            model = new Model(config);
            var tokenizer = new Tokenizer(model);
            var genAiConfig = File.ReadAllText(Path.Combine(folder.Path, "genai_config.json"));
            var endTokens = EndTokens.Read(genAiConfig, configOverlay);
            return new DecoderModel(folder, model, tokenizer, started.Elapsed, endTokens, ReadContextLength(configOverlay) ?? ReadContextLength(genAiConfig) ?? int.MaxValue, ReadIoName(genAiConfig, "outputs", "logits") ?? "logits", ReadIoName(genAiConfig, "inputs", "attention_mask") ?? "attention_mask")
            {
                VocabularySize = ReadVocabularySize(genAiConfig),
            };
        }
        catch (OnnxRuntimeGenAIException e)
        {
            model?.Dispose();
            throw new ModelFolderException($"Model folder '{folder.Path}' could not be loaded by ONNX Runtime GenAI: {e.Message}", e);
        }
        finally
        {
            config?.Dispose();
        }
    }

    private static int? ReadContextLength(string? configJson)
    {
        if (configJson is null)
        {
            return null;
        }

        using var document = System.Text.Json.JsonDocument.Parse(configJson);
        return document.RootElement.TryGetProperty("model", out var model) && model.TryGetProperty("context_length", out var length) ? length.GetInt32() : null;
    }

    private static int? ReadVocabularySize(string configJson)
    {
        using var document = System.Text.Json.JsonDocument.Parse(configJson);
        return document.RootElement.TryGetProperty("model", out var model) && model.TryGetProperty("vocab_size", out var size) && size.TryGetInt32(out var value) ? value : null;
    }

    /// <summary>The graph name genai_config.json gives a decoder input or output (model.decoder.inputs|outputs.KEY).</summary>
    private static string? ReadIoName(string configJson, string direction, string key)
    {
        using var document = System.Text.Json.JsonDocument.Parse(configJson);
        return document.RootElement.TryGetProperty("model", out var model)
            && model.TryGetProperty("decoder", out var decoder)
            && decoder.TryGetProperty(direction, out var names)
            && names.TryGetProperty(key, out var name)
            ? name.GetString()
            : null;
    }

    public void Dispose()
    {
        Tokenizer.Dispose();
        Model.Dispose();
    }
}
