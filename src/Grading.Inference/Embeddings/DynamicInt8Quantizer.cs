using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Google.Protobuf;
using Onnx;

namespace Grading.Inference.Embeddings;

/// <summary>
/// Dynamic int8 quantisation of an ONNX graph's weight matrices, as onnxruntime's <c>quantize_dynamic</c> does it: every
/// <c>MatMul</c> whose right-hand side is a float initializer becomes a <c>com.microsoft.DynamicQuantizeMatMul</c> with
/// symmetric int8 weights and one scale per output column; ONNX Runtime quantises the activations to uint8 on each run
/// and multiplies with integer kernels. Activation-by-activation products (attention scores) stay float. A bias
/// <c>Add</c> that only follows the MatMul moves into the node's bias input, saving a pass over its output.
/// </summary>
internal static class DynamicInt8Quantizer
{
    public const string MicrosoftDomain = "com.microsoft";
    private const int FloatType = 1;
    private const int Int8Type = 3;

    /// <summary>
    /// Without VNNI, x86 multiplies uint8 by int8 with a 16-bit intermediate that can saturate; 7-bit weights cannot
    /// (onnxruntime's <c>reduce_range</c>). With VNNI, or off x86, the full 8 bits are safe.
    /// </summary>
    public static bool NeedsReducedRange => IsX86 && !HasVnni;

    /// <summary>Rewrites <paramref name="model"/> in place and returns how many MatMuls it quantised.</summary>
    /// <param name="keepFloat">Weight MatMuls to leave in float (those whose inputs quantise badly).</param>
    /// <param name="reduceRange">Weights in [-63, 63] instead of [-127, 127]; see <see cref="NeedsReducedRange"/>.</param>
    public static int Quantize(ModelProto model, Func<WeightMatMul, bool>? keepFloat = null, bool reduceRange = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        var graph = model.Graph;
        var initializers = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var consumers = graph.Node.SelectMany(n => n.Input).GroupBy(name => name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var graphOutputs = graph.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var fusedAdds = new HashSet<NodeProto>();
        var limit = reduceRange ? 63f : 127f;
        var quantised = 0;
        var ordinal = 0;
        foreach (var node in graph.Node)
        {
            if (node.OpType != "MatMul" || node.Domain.Length > 0 || node.Input.Count != 2
                || !initializers.TryGetValue(node.Input[1], out var weight) || weight.DataType != FloatType || weight.Dims.Count != 2)
            {
                continue;
            }

            var matMul = new WeightMatMul(node.Name, ordinal++, (int)weight.Dims[0], (int)weight.Dims[1]);
            if (keepFloat?.Invoke(matMul) == true)
            {
                continue;
            }

            var (values, scales) = QuantizePerColumn(FloatsOf(weight), matMul.Rows, matMul.Columns, limit);
            var values8 = Tensor($"{weight.Name}_int8_{quantised}", Int8Type, MemoryMarshal.AsBytes(values.AsSpan()), matMul.Rows, matMul.Columns);
            var scale = Tensor($"{weight.Name}_scale_{quantised}", FloatType, MemoryMarshal.AsBytes(scales.AsSpan()), matMul.Columns);
            graph.Initializer.Add(values8);
            graph.Initializer.Add(scale);
            consumers[weight.Name]--;
            node.OpType = "DynamicQuantizeMatMul";
            node.Domain = MicrosoftDomain;
            node.Input[1] = values8.Name;
            node.Input.Add(scale.Name);
            if (!graphOutputs.Contains(node.Output[0]) && consumers.GetValueOrDefault(node.Output[0]) == 1
                && graph.Node.FirstOrDefault(n => n.OpType == "Add" && n.Domain.Length == 0 && n.Input.Contains(node.Output[0])) is { } add
                && BiasOf(add, node.Output[0], initializers, matMul.Columns) is { } bias)
            {
                node.Input.Add(string.Empty); // no weight zero point: the weights are symmetric
                node.Input.Add(bias);
                node.Output[0] = add.Output[0];
                fusedAdds.Add(add);
            }

            quantised++;
        }

        foreach (var add in fusedAdds)
        {
            graph.Node.Remove(add);
        }

        // Drop float weights nothing reads any more, so the session does not hold both copies.
        var unused = graph.Initializer.Where(t => consumers.TryGetValue(t.Name, out var count) && count == 0).ToArray();
        foreach (var tensor in unused)
        {
            graph.Initializer.Remove(tensor);
            // Old IR versions also list initializers as graph inputs.
            if (graph.Input.FirstOrDefault(input => input.Name == tensor.Name) is { } input)
            {
                graph.Input.Remove(input);
            }
        }

        if (quantised > 0 && !model.OpsetImport.Any(o => o.Domain == MicrosoftDomain))
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = MicrosoftDomain, Version = 1 });
        }

        return quantised;
    }

    /// <summary>Symmetric int8 per output column: each column's largest magnitude maps to ±<paramref name="limit"/>.</summary>
    internal static (sbyte[] Values, float[] Scales) QuantizePerColumn(ReadOnlySpan<float> weights, int rows, int columns, float limit)
    {
        var scales = new float[columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                scales[c] = Math.Max(scales[c], Math.Abs(weights[(r * columns) + c]));
            }
        }

        for (var c = 0; c < columns; c++)
        {
            scales[c] = scales[c] > 0 ? scales[c] / limit : 1;
        }

        var values = new sbyte[rows * columns];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (sbyte)Math.Clamp(MathF.Round(weights[i] / scales[i % columns]), -limit, limit);
        }

        return (values, scales);
    }

    // The Add's other input, when it is a float vector of one value per output column.
    private static string? BiasOf(NodeProto add, string matMulOutput, Dictionary<string, TensorProto> initializers, int columns)
    {
        if (add.Input.Count != 2)
        {
            return null;
        }

        var other = add.Input[0] == matMulOutput ? add.Input[1] : add.Input[0];
        return initializers.TryGetValue(other, out var bias) && bias.DataType == FloatType && bias.Dims.Count == 1 && bias.Dims[0] == columns
            ? other
            : null;
    }

    private static float[] FloatsOf(TensorProto tensor) =>
        tensor.RawData.Length > 0 ? MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray() : [.. tensor.FloatData];

    private static TensorProto Tensor(string name, int dataType, ReadOnlySpan<byte> data, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = dataType, RawData = ByteString.CopyFrom(data) };
        tensor.Dims.AddRange(dims);
        return tensor;
    }

    private static bool IsX86 => RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.X86;

    // CPUID leaf 7: ECX bit 11 is AVX512-VNNI; sub-leaf 1, EAX bit 4 is AVX-VNNI.
    private static bool HasVnni =>
        X86Base.IsSupported && (((X86Base.CpuId(7, 0).Ecx >> 11) & 1) == 1 || ((X86Base.CpuId(7, 1).Eax >> 4) & 1) == 1);
}

/// <summary>A MatMul by a weight matrix: its node, its place among such MatMuls in graph order, and the weight's shape.</summary>
internal sealed record WeightMatMul(string NodeName, int Ordinal, int Rows, int Columns);
