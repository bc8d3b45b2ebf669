using Onnx;

namespace Grading.Inference.TestModels;

/// <summary>
/// Builds a tiny decoder-only transformer with the input and output names ORT GenAI's model builder gives a llama model:
/// input_ids, attention_mask, position_ids, past_key_values.%d.key|value in; logits, present.%d.key|value
/// (batch x kv_heads x seq x head_size) out; every projection an int4 MatMulNBits. Positions enter as sinusoids of
/// position_ids rather than rotary embeddings: the graph stays small, and what the tests exercise (the KV cache, the
/// attention mask under padding, position ids) is the same.
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

        // Constants.
        var axisLast = g.Int64s("const.axis_last", [-1], 1);
        var axis0 = g.Int64s("const.axis0", [0], 1);
        var axis1 = g.Int64s("const.axis1", [1], 1);
        var axes123 = g.Int64s("const.axes123", [1, 2, 3], 3);
        var axis2 = g.Int64s("const.axis2", [2], 1);
        var zero = g.Int64s("const.zero", [0]);
        var one = g.Int64s("const.one", [1]);
        var index1 = g.Int64s("const.index1", [1]);
        // Grouped-query attention: queries as [batch, kv_heads, group, seq, head_size]; keys and values as
        // [batch, kv_heads, 1, seq, head_size], broadcast over the group by MatMul.
        var groupedQueryShape = g.Int64s("const.grouped_query_shape", [0, 0, shape.KvHeads, shape.Heads / shape.KvHeads, shape.HeadSize], 5);
        var kvHeadsShape = g.Int64s("const.kv_heads_shape", [0, 0, shape.KvHeads, shape.HeadSize], 4);
        var attentionWidth = shape.Heads * shape.HeadSize;
        var mergedHeadsShape = g.Int64s("const.merged_heads_shape", [0, 0, attentionWidth], 3);
        var scale = g.Floats("const.attention_scale", [1f / MathF.Sqrt(shape.HeadSize)]);

        // Token embeddings plus sinusoidal position embeddings of position_ids.
        var embedding = new float[shape.VocabSize * h];
        for (var i = 0; i < embedding.Length; i++)
        {
            embedding[i] = MatMulNBitsNode.Gaussian(random);
        }

        var tokens = g.Node("Gather", [g.Floats("model.embed_tokens.weight", embedding, shape.VocabSize, h), "input_ids"]);
        var inverseFrequency = Enumerable.Range(0, h / 2).Select(i => 1f / MathF.Pow(10000f, 2f * i / h)).ToArray();
        var positions = g.Node("Unsqueeze", [g.Node("Cast", ["position_ids"], attributes: [OnnxGraphBuilder.Int("to", OnnxGraphBuilder.FloatType)]), axisLast]);
        var angles = g.Node("Mul", [positions, g.Floats("model.inverse_frequency", inverseFrequency, h / 2)]);
        var positionEmbedding = g.Node("Concat", [g.Node("Sin", [angles]), g.Node("Cos", [angles])], attributes: [OnnxGraphBuilder.Int("axis", -1)]);
        var hidden = g.Node("Add", [tokens, positionEmbedding]);

        var sequenceLength = g.Node("Gather", [g.Node("Shape", ["input_ids"]), index1]);
        var totalLength = g.Node("Gather", [g.Node("Shape", ["attention_mask"]), index1]);
        var queryPositions = g.Node("Range", [g.Node("Sub", [totalLength, sequenceLength]), totalLength, one]);
        var keyPositions = g.Node("Range", [zero, totalLength, one]);
        // Additive biases, 0 where a key is visible and -1e9 where not, made once per run and shared by all layers:
        // causal [q, k] (key k is in the past of, or is, query q) plus padding [batch, 1, 1, 1, k]. Arithmetic on floats,
        // because a broadcast Where over [batch, 1, 1, q, k] was the slowest node of the prompt step.
        var causal = g.Node("Cast", [g.Node("LessOrEqual", [g.Node("Unsqueeze", [keyPositions, axis0]), g.Node("Unsqueeze", [queryPositions, axis1])])], attributes: [OnnxGraphBuilder.Int("to", OnnxGraphBuilder.FloatType)]);
        var padding = g.Node("Unsqueeze", [g.Node("Cast", ["attention_mask"], attributes: [OnnxGraphBuilder.Int("to", OnnxGraphBuilder.FloatType)]), axes123]);
        var oneFloat = g.Floats("const.one_float", [1f]);
        var causalBias = g.Node("Mul", [g.Node("Sub", [causal, oneFloat]), g.Floats("const.mask_magnitude", [1e9f])]);
        var paddingBias = g.Node("Mul", [g.Node("Sub", [padding, oneFloat]), g.Floats("const.mask_magnitude_padding", [1e9f])]);
        var attentionBias = g.Node("Add", [causalBias, paddingBias]);

        for (var layer = 0; layer < shape.Layers; layer++)
        {
            var prefix = $"model.layers.{layer}";
            var attentionInput = LayerNorm(g, $"{prefix}.input_layernorm", hidden, h);
            var q = g.Node("Transpose", [g.Node("Reshape", [MatMulNBitsNode.Add(g, $"{prefix}.attn.q_proj", attentionInput, h, attentionWidth, random), groupedQueryShape])], attributes: [OnnxGraphBuilder.Ints("perm", 0, 2, 3, 1, 4)]);
            var k = Heads(g, MatMulNBitsNode.Add(g, $"{prefix}.attn.k_proj", attentionInput, h, shape.KvHeads * shape.HeadSize, random), kvHeadsShape);
            var v = Heads(g, MatMulNBitsNode.Add(g, $"{prefix}.attn.v_proj", attentionInput, h, shape.KvHeads * shape.HeadSize, random), kvHeadsShape);
            var presentKey = g.Node("Concat", [$"past_key_values.{layer}.key", k], $"present.{layer}.key", attributes: [OnnxGraphBuilder.Int("axis", 2)]);
            var presentValue = g.Node("Concat", [$"past_key_values.{layer}.value", v], $"present.{layer}.value", attributes: [OnnxGraphBuilder.Int("axis", 2)]);
            var groupedKey = g.Node("Unsqueeze", [presentKey, axis2]);
            var groupedValue = g.Node("Unsqueeze", [presentValue, axis2]);
            // The 1/sqrt(head_size) scale goes on the queries, which are much smaller than the scores.
            var scores = g.Node("MatMul", [g.Node("Mul", [q, scale]), g.Node("Transpose", [groupedKey], attributes: [OnnxGraphBuilder.Ints("perm", 0, 1, 2, 4, 3)])]);
            var probabilities = g.Node("Softmax", [g.Node("Add", [scores, attentionBias])], attributes: [OnnxGraphBuilder.Int("axis", -1)]);
            var context = g.Node("MatMul", [probabilities, groupedValue]);
            var merged = g.Node("Reshape", [g.Node("Transpose", [context], attributes: [OnnxGraphBuilder.Ints("perm", 0, 3, 1, 2, 4)]), mergedHeadsShape]);
            hidden = g.Node("Add", [hidden, MatMulNBitsNode.Add(g, $"{prefix}.attn.o_proj", merged, attentionWidth, h, random)]);

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

    private static string Heads(OnnxGraphBuilder g, string projection, string headsShape)
        => g.Node("Transpose", [g.Node("Reshape", [projection, headsShape])], attributes: [OnnxGraphBuilder.Ints("perm", 0, 2, 1, 3)]);
}
