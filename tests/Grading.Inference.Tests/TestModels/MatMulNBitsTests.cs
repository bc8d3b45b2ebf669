using Grading.Inference.TestModels;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Grading.Inference.Tests.TestModels;

public sealed class MatMulNBitsTests
{
    [Theory]
    [InlineData(3, 64, 48)]
    [InlineData(1, 128, 257)]
    [InlineData(5, 40, 16)] // K not a multiple of the block size: the last block is zero-padded
    public void MatMulNBits_RandomWeights_EqualsDequantisedReference(int m, int k, int n)
    {
        var random = new Random(m * 1000 + k + n);
        var weights = Enumerable.Range(0, n * k).Select(_ => MatMulNBitsNode.Gaussian(random)).ToArray();
        var input = Enumerable.Range(0, m * k).Select(_ => MatMulNBitsNode.Gaussian(random)).ToArray();
        var folder = Directory.CreateTempSubdirectory("matmulnbits-").FullName;
        try
        {
            var graph = new OnnxGraphBuilder("one_matmulnbits");
            graph.Input("a", OnnxGraphBuilder.FloatType, "m", k);
            graph.Output("y", OnnxGraphBuilder.FloatType, "m", n);
            MatMulNBitsNode.AddQuantized(graph, "proj", "a", weights, k, n, output: "y");
            graph.Save(folder, "model.onnx");
            using var session = new InferenceSession(Path.Combine(folder, "model.onnx"));

            using var outputs = session.Run([NamedOnnxValue.CreateFromTensor("a", new DenseTensor<float>(input, [m, k]))]);
            var actual = outputs[0].AsEnumerable<float>().ToArray();

            var (packed, scales) = Int4BlockQuantizer.Quantize(weights, n, k);
            var dequantised = Int4BlockQuantizer.Dequantize(packed, scales, n, k);
            for (var row = 0; row < m; row++)
            {
                for (var col = 0; col < n; col++)
                {
                    var expected = 0.0;
                    for (var i = 0; i < k; i++)
                    {
                        expected += input[row * k + i] * dequantised[col * k + i];
                    }

                    Assert.True(Math.Abs(expected - actual[row * n + col]) < 1e-3 * Math.Max(1, Math.Abs(expected)), $"y[{row},{col}] = {actual[row * n + col]}, reference {expected}");
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Quantize_PacksEvenElementsInTheLowNibble()
    {
        // One row, one block: element 0 is +7 steps (nibble 15), element 1 is -7 steps (nibble 1), the rest zero (nibble 8).
        var weights = new float[32];
        weights[0] = 0.7f;
        weights[1] = -0.7f;

        var (packed, scales) = Int4BlockQuantizer.Quantize(weights, 1, 32);

        Assert.Equal(16, packed.Length);
        Assert.Equal(0.1f, scales[0], 6);
        Assert.Equal(0x1F, packed[0]);
        Assert.All(packed.Skip(1), b => Assert.Equal(0x88, b));
    }

    [Fact]
    public void Dequantize_OfQuantize_StaysWithinHalfAStep()
    {
        var random = new Random(7);
        var weights = Enumerable.Range(0, 4 * 96).Select(_ => MatMulNBitsNode.Gaussian(random)).ToArray();

        var (packed, scales) = Int4BlockQuantizer.Quantize(weights, 4, 96);
        var roundTrip = Int4BlockQuantizer.Dequantize(packed, scales, 4, 96);

        for (var i = 0; i < weights.Length; i++)
        {
            var scale = scales[(i / 96) * 3 + (i % 96) / 32];
            Assert.InRange(Math.Abs(weights[i] - roundTrip[i]), 0, scale / 2 + 1e-6);
        }
    }
}
