using System.ComponentModel.DataAnnotations;

namespace Grading.Inference.Hosting;

/// <summary>
/// Settings under <c>Grading:Model</c>: the model folder for the decoder graders and how to run it. Values left unset
/// come from the folder's grading-model.json, then from the defaults here.
/// </summary>
public sealed class DecoderModelOptions
{
    public const string SectionName = "Grading:Model";

    /// <summary>The model folder (ORT GenAI builder output plus optional grading-model.json).</summary>
    public string? Path { get; set; }

    /// <summary>llama2, chatml or phi3; overrides grading-model.json.</summary>
    public string? Template { get; set; }

    /// <summary>lines or json; overrides grading-model.json.</summary>
    public string? OutputFormat { get; set; }

    [Range(1, 8192)]
    public int? MaxNewTokens { get; set; }

    /// <summary>Answers generated together in one padded batch.</summary>
    [Range(1, 256)]
    public int BatchSize { get; set; } = 8;

    /// <summary>Generators (each with its KV cache) running at once in this process.</summary>
    [Range(1, 64)]
    public int MaxConcurrentGenerators { get; set; } = 1;

    /// <summary>Where two-stage mode gets its score: score-head (the folder's ONNX head) or encoder. Default: the head when the folder has one.</summary>
    public string? ScoreStage { get; set; }
}
