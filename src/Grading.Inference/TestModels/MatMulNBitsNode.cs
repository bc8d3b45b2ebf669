
namespace Grading.Inference.TestModels;

/// <summary>Adds an int4 <c>MatMulNBits</c> projection with random weights to a graph.</summary>
internal static class MatMulNBitsNode
{
    public static string Add(OnnxGraphBuilder graph, string name, string input, int k, int n, Random random, float gain = 1f, string? output = null)
    {
        var weights = new float[n * k];
        var std = gain / MathF.Sqrt(k);
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = std * Gaussian(random);
        }

        return AddQuantized(graph, name, input, weights, k, n, output);
    }

    public static string AddQuantized(OnnxGraphBuilder graph, string name, string input, float[] weights, int k, int n, string? output = null)
    {
        var (packed, scales) = Int4BlockQuantizer.Quantize(weights, n, k);
        var blocks = Int4BlockQuantizer.BlocksPerRow(k);
        var b = graph.Bytes($"{name}.qweight", packed, n, blocks, Int4BlockQuantizer.BytesPerBlock);
        var s = graph.Floats($"{name}.scales", scales, n, blocks);
        return graph.Node(
            "MatMulNBits",
            [input, b, s],
            output ?? $"{name}.out",
            "com.microsoft",
            OnnxGraphBuilder.Int("K", k),
            OnnxGraphBuilder.Int("N", n),
            OnnxGraphBuilder.Int("bits", 4),
            OnnxGraphBuilder.Int("block_size", Int4BlockQuantizer.BlockSize));
    }

    public static float Gaussian(Random random)
    {
        // Box-Muller: System.Random has no normal distribution, and the weights only need to be reproducible.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }
}
