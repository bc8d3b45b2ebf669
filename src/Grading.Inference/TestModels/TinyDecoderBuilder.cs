using Onnx;

namespace Grading.Inference.TestModels;

/// <summary>
/// Builds a tiny decoder-only transformer with the input and output names ORT GenAI's model builder gives a llama model:
/// input_ids, attention_mask, position_ids, past_key_values.%d.key|value in; logits, present.%d.key|value
/// (batch x kv_heads x seq x head_size) out; every projection an int4 MatMulNBits; attention a com.microsoft
/// GroupQueryAttention fed seqlens_k and total_sequence_length from the attention mask, with past and present sharing one
/// buffer, as the builder writes it for CPU. Positions enter as sinusoids of position_ids rather than the attention op's
/// rotary embeddings: the graph stays small, and what the tests exercise (the KV cache, padding, position ids) is the same.
/// </summary>
internal static class TinyDecoderBuilder
{
    public const string FileName = "model.onnx";

    public static void Write(string folder, TinyDecoderShape shape)
    {
        if (shape.Heads % shape.KvHeads != 0)
        {
            throw new ArgumentException("Heads must be a multiple of KvHeads.", nameof(shape));
        }

        var random = new Random(shape.Seed);
        var g = new OnnxGraphBuilder("tiny_llama");
        var h = shape.Hidden;
        g.Input("input_ids", OnnxGraphBuilder.Int64Type, "batch_size", "sequence_length");
        g.Input("attention_mask", OnnxGraphBuilder.Int64Type, "batch_size", "total_sequence_length");
        g.Input("position_ids", OnnxGraphBuilder.Int64Type, "batch_size", "sequence_length");
        for (var layer = 0; layer < shape.Layers; layer++)
        {
            g.Input($"past_key_values.{layer}.key", OnnxGraphBuilder.FloatType, "batch_size", shape.KvHeads, "past_sequence_length", shape.HeadSize);
            g.Input($"past_key_values.{layer}.value", OnnxGraphBuilder.FloatType, "batch_size", shape.KvHeads, "past_sequence_length", shape.HeadSize);
        }

        g.Output("logits", OnnxGraphBuilder.FloatType, "batch_size", "sequence_length", shape.VocabSize);
        for (var layer = 0; layer < shape.Layers; layer++)
        {
            g.Output($"present.{layer}.key", OnnxGraphBuilder.FloatType, "batch_size", shape.KvHeads, "total_sequence_length", shape.HeadSize);
            g.Output($"present.{layer}.value", OnnxGraphBuilder.FloatType, "batch_size", shape.KvHeads, "total_sequence_length", shape.HeadSize);
        }

        var index1 = g.Int64s("const.index1", [1]);
        var axis1 = g.Int64s("const.axis1", [1], 1);
        var attentionWidth = shape.Heads * shape.HeadSize;

        // Token embeddings plus sinusoidal position embeddings of position_ids.
        var embedding = new float[shape.VocabSize * h];
        for (var i = 0; i < embedding.Length; i++)
        {
            embedding[i] = MatMulNBitsNode.Gaussian(random);
        }

        var tokens = g.Node("Gather", [g.Floats("model.embed_tokens.weight", embedding, shape.VocabSize, h), "input_ids"]);
        var inverseFrequency = Enumerable.Range(0, h / 2).Select(i => 1f / MathF.Pow(10000f, 2f * i / h)).ToArray();
        var positions = g.Node("Unsqueeze", [g.Node("Cast", ["position_ids"], attributes: [OnnxGraphBuilder.Int("to", OnnxGraphBuilder.FloatType)]), g.Int64s("const.axis_last", [-1], 1)]);
        var angles = g.Node("Mul", [positions, g.Floats("model.inverse_frequency", inverseFrequency, h / 2)]);
        var positionEmbedding = g.Node("Concat", [g.Node("Sin", [angles]), g.Node("Cos", [angles])], attributes: [OnnxGraphBuilder.Int("axis", -1)]);
        var hidden = g.Node("Add", [tokens, positionEmbedding]);

        // What the builder feeds GroupQueryAttention, made once from the attention mask: per row the index of its last
        // real token (seqlens_k, int32 [batch]) and the mask's width (total_sequence_length, int32 scalar).
        var seqlensK = g.Node("Cast", [g.Node("Sub", [g.Node("ReduceSum", ["attention_mask", axis1], attributes: [OnnxGraphBuilder.Int("keepdims", 0)]), g.Int64s("const.one", [1])])], "attn_mask_reformat.seqlens_k", attributes: [OnnxGraphBuilder.Int("to", OnnxGraphBuilder.Int32Type)]);
        var totalLength = g.Node("Cast", [g.Node("Gather", [g.Node("Shape", ["attention_mask"]), index1])], "attn_mask_reformat.total_seq_len", attributes: [OnnxGraphBuilder.Int("to", OnnxGraphBuilder.Int32Type)]);

        for (var layer = 0; layer < shape.Layers; layer++)
        {
            var prefix = $"model.layers.{layer}";
            var attentionInput = LayerNorm(g, $"{prefix}.input_layernorm", hidden, h);
            var q = MatMulNBitsNode.Add(g, $"{prefix}.attn.q_proj", attentionInput, h, attentionWidth, random);
            var k = MatMulNBitsNode.Add(g, $"{prefix}.attn.k_proj", attentionInput, h, shape.KvHeads * shape.HeadSize, random);
            var v = MatMulNBitsNode.Add(g, $"{prefix}.attn.v_proj", attentionInput, h, shape.KvHeads * shape.HeadSize, random);
            // Causal grouped-query attention that writes this step's keys and values into the KV cache in place
            // (GenAI binds past and present to one max_length buffer: past_present_share_buffer), as the builder emits.
            var attention = $"{prefix}.attn.gqa.out";
            g.Node(
                "GroupQueryAttention",
                [q, k, v, $"past_key_values.{layer}.key", $"past_key_values.{layer}.value", seqlensK, totalLength],
                [attention, $"present.{layer}.key", $"present.{layer}.value"],
                "com.microsoft",
                OnnxGraphBuilder.Int("num_heads", shape.Heads),
                OnnxGraphBuilder.Int("kv_num_heads", shape.KvHeads),
                OnnxGraphBuilder.Float("scale", 1f / MathF.Sqrt(shape.HeadSize)));
            hidden = g.Node("Add", [hidden, MatMulNBitsNode.Add(g, $"{prefix}.attn.o_proj", attention, attentionWidth, h, random)]);

            var mlpInput = LayerNorm(g, $"{prefix}.post_attention_layernorm", hidden, h);
            var gate = MatMulNBitsNode.Add(g, $"{prefix}.mlp.gate_proj", mlpInput, h, shape.Intermediate, random);
            var up = MatMulNBitsNode.Add(g, $"{prefix}.mlp.up_proj", mlpInput, h, shape.Intermediate, random);
            var activated = g.Node("Mul", [g.Node("Mul", [gate, g.Node("Sigmoid", [gate])]), up]);
            hidden = g.Node("Add", [hidden, MatMulNBitsNode.Add(g, $"{prefix}.mlp.down_proj", activated, shape.Intermediate, h, random)]);
        }

        var final = LayerNorm(g, "model.norm", hidden, h);
        // A larger gain spreads the logits, so greedy choices are not near-ties that float rounding could flip.
        MatMulNBitsNode.Add(g, "lm_head", final, h, shape.VocabSize, random, gain: 8f, output: "logits");
        g.Save(folder, FileName);
    }

    private static string LayerNorm(OnnxGraphBuilder g, string name, string input, int hidden)
    {
        var gamma = g.Floats($"{name}.weight", Enumerable.Repeat(1f, hidden).ToArray(), hidden);
        var beta = g.Floats($"{name}.bias", new float[hidden], hidden);
        return g.Node("LayerNormalization", [input, gamma, beta], attributes: [OnnxGraphBuilder.Int("axis", -1), OnnxGraphBuilder.Float("epsilon", 1e-5f)]);
    }
}
