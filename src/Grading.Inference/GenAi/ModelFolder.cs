using System.Text.Json;

namespace Grading.Inference.GenAi;

/// <summary>
/// The model folder contract: what ORT GenAI's model builder writes (genai_config.json, the decoder ONNX file and its
/// data file, tokenizer.json, tokenizer_config.json) plus an optional grading-model.json. Checked up front so a bad
/// folder fails at load with one message naming the path, not deep inside the native runtime.
/// </summary>
public sealed record ModelFolder(string Path, GradingModelManifest Manifest, string DecoderFileName)
{
    public static readonly string[] RequiredFiles = ["genai_config.json", "tokenizer.json", "tokenizer_config.json"];

    public string? ScoreHeadPath => Manifest.ScoreHead is { } file ? System.IO.Path.Combine(Path, file) : null;

    public static ModelFolder Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!Directory.Exists(full))
        {
            throw new ModelFolderException($"Model folder '{full}' does not exist.");
        }

        var missing = RequiredFiles.Where(f => !File.Exists(System.IO.Path.Combine(full, f))).ToList();
        if (missing.Count > 0)
        {
            throw new ModelFolderException($"Model folder '{full}' is missing {string.Join(", ", missing)} (expected the output of ORT GenAI's model builder).");
        }

        string decoder;
        try
        {
            using var config = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(full, "genai_config.json")));
            decoder = config.RootElement.GetProperty("model").GetProperty("decoder").GetProperty("filename").GetString()
                ?? throw new ModelFolderException($"Model folder '{full}': genai_config.json has no model.decoder.filename.");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ModelFolderException($"Model folder '{full}': genai_config.json is not a valid ORT GenAI config ({e.Message}).", e);
        }

        if (!File.Exists(System.IO.Path.Combine(full, decoder)))
        {
            throw new ModelFolderException($"Model folder '{full}' is missing the decoder '{decoder}' named in genai_config.json.");
        }

        var manifest = new GradingModelManifest();
        var manifestPath = System.IO.Path.Combine(full, GradingModelManifest.FileName);
        if (File.Exists(manifestPath))
        {
            try
            {
                manifest = JsonSerializer.Deserialize<GradingModelManifest>(File.ReadAllText(manifestPath), GradingModelManifest.JsonOptions) ?? manifest;
            }
            catch (JsonException e)
            {
                throw new ModelFolderException($"Model folder '{full}': {GradingModelManifest.FileName} is not valid ({e.Message}).", e);
            }
        }

        return new ModelFolder(full, manifest, decoder);
    }
}
