namespace Grading.Inference.TestModels;

/// <summary>
/// The dimensions of the tiny test decoder. Defaults give a model of about 150 KB that generates fast on a small CPU.
/// One key/value head for two query heads (grouped-query attention, as in Llama-2-70B and Llama-3) exercises
/// GroupQueryAttention's kv_num_heads &lt; num_heads and halves the KV cache every decode step reads; two heads keep the
/// prompt step's attention, which grows with heads x seq^2 and is per-answer work batching cannot share, small.
/// Heads are narrower than Hidden / Heads (q_proj maps 64 to 2 x 8, o_proj back) for the same reason.
/// </summary>
public sealed record TinyDecoderShape(
    int Layers = 2,
    int Hidden = 64,
    int Heads = 2,
    int KvHeads = 1,
    int Intermediate = 128,
    int HeadSize = 8,
    int ContextLength = 4096,
    int Seed = 1234)
{

    public int VocabSize => ByteLevelTokenizerFiles.VocabSize;
}
