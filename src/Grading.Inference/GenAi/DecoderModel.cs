using Microsoft.ML.OnnxRuntimeGenAI;

namespace Grading.Inference.GenAi;

/// <summary>
/// The loaded ORT GenAI model and tokenizer: one per process (loading is slow and the weights are large); both are
/// safe to share across generators. Generators are created per chunk by <see cref="GenAiTextGenerator"/>.
/// </summary>
public sealed class DecoderModel : IDisposable
{
    private DecoderModel(ModelFolder folder, Model model, Tokenizer tokenizer, TimeSpan loadTime, IReadOnlyList<int> endTokenIds, int contextLength)
    {
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
            return new DecoderModel(folder, model, tokenizer, started.Elapsed, endTokens, ReadContextLength(configOverlay) ?? ReadContextLength(genAiConfig) ?? int.MaxValue);
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

    public void Dispose()
    {
        Tokenizer.Dispose();
        Model.Dispose();
    }
}
