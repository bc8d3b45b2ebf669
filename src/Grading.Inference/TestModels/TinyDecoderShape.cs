namespace Grading.Inference.TestModels;

/// <summary>The dimensions of the tiny test decoder. Defaults give a model of about 100 KB that generates fast on a laptop CPU.</summary>
public sealed record TinyDecoderShape(
    int Layers = 2,
    int Hidden = 64,
    int Heads = 4,
    int KvHeads = 4,
    int Intermediate = 128,
    int ContextLength = 4096,
    int Seed = 1234)
{
    public int HeadSize => Hidden / Heads;

    public int VocabSize => ByteLevelTokenizerFiles.VocabSize;
}
