namespace Grading.Inference.Embeddings;

/// <summary>One text as the encoder sees it: its sentence vector (unit length) and its token states.</summary>
public sealed record TextEncoding(float[] Vector, TokenStates Tokens);
