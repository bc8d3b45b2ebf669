using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grading.Inference.GenAi;

/// <summary>
/// The optional <c>grading-model.json</c> in a model folder: who the model is and how to prompt it. Without it the
/// grader runs with defaults and the template given on the command line or in configuration.
/// </summary>
public sealed record GradingModelManifest
{
    public const string FileName = "grading-model.json";

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>A stable id of the model, e.g. "llama-2-13b-saf-qlora-int4".</summary>
    public string? Id { get; init; }

    /// <summary>The version of weights and prompt; bump it and re-grading picks the change up.</summary>
    public string? Version { get; init; }

    /// <summary>llama2, chatml or phi3: the chat template the model was fine-tuned with.</summary>
    public string? PromptTemplate { get; init; }

    /// <summary>lines or json: the output contract it was fine-tuned to write.</summary>
    public string? OutputFormat { get; init; }

    public int? MaxNewTokens { get; init; }

    /// <summary>File name, inside the folder, of an ONNX sequence-regression score head; two-stage mode uses it for the score.</summary>
    public string? ScoreHead { get; init; }
}
