namespace Grading.Inference.TestModels;

/// <summary>
/// Builds a tiny sequence-regression model in the score-head contract: input_ids and attention_mask [batch, seq] in,
/// <c>score</c> [batch, 1] out as a fraction of the question's maximum. Token embeddings, an int4 MatMulNBits layer,
/// a masked mean over the sequence, and an int4 MatMulNBits to one output through a sigmoid.
/// </summary>
internal static class TinyScoreHeadBuilder
{
    public const string FileName = "score-head.onnx";

    public static void Write(string folder, int hidden = 64, int seed = 4321)
    {
        var random = new Random(seed);
        var vocab = ByteLevelTokenizerFiles.VocabSize;
        var g = new OnnxGraphBuilder("tiny_score_head");
        g.Input("input_ids", OnnxGraphBuilder.Int64Type, "batch_size", "sequence_length");
        g.Input("attention_mask", OnnxGraphBuilder.Int64Type, "batch_size", "sequence_length");
        g.Output("score", OnnxGraphBuilder.FloatType, "batch_size", 1);

        var embedding = new float[vocab * hidden];
        for (var i = 0; i < embedding.Length; i++)
        {
            embedding[i] = MatMulNBitsNode.Gaussian(random);
        }

        var axisLast = g.Int64s("const.axis_last", [-1], 1);
        var axis1 = g.Int64s("const.axis1", [1], 1);
        var tokens = g.Node("Gather", [g.Floats("embed_tokens.weight", embedding, vocab, hidden), "input_ids"]);
        var features = g.Node("Relu", [MatMulNBitsNode.Add(g, "encoder.proj", tokens, hidden, hidden, random)]);
        var mask = g.Node("Unsqueeze", [g.Node("Cast", ["attention_mask"], attributes: [OnnxGraphBuilder.Int("to", OnnxGraphBuilder.FloatType)]), axisLast]);
        var summed = g.Node("ReduceSum", [g.Node("Mul", [features, mask]), axis1], attributes: [OnnxGraphBuilder.Int("keepdims", 0)]);
        var count = g.Node("ReduceSum", [mask, axis1], attributes: [OnnxGraphBuilder.Int("keepdims", 0)]);
        var pooled = g.Node("Div", [summed, g.Node("Max", [count, g.Floats("const.one", [1f])])]);
        var logit = MatMulNBitsNode.Add(g, "score.head", pooled, hidden, 1, random);
        g.Node("Sigmoid", [logit], "score");
        g.Save(folder, FileName);
    }
}
