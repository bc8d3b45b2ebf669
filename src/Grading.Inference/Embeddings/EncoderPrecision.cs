namespace Grading.Inference.Embeddings;

/// <summary>How the encoder's weight matrices are stored and multiplied.</summary>
public enum EncoderPrecision
{
    /// <summary>The published float32 model, unchanged.</summary>
    Float32,

    /// <summary>
    /// Weight matrices quantised to int8 per output column when the model loads, activations quantised per run
    /// (ONNX Runtime's DynamicQuantizeMatMul, which uses VNNI where the CPU has it): about twice as fast on x86, with
    /// embeddings within cosine 0.99 of float32.
    /// </summary>
    Int8,
}
