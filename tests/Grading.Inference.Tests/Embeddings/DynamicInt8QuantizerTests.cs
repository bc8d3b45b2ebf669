using System.Runtime.InteropServices;
using Google.Protobuf;
using Grading.Inference.Embeddings;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace Grading.Inference.Tests.Embeddings;

public sealed class DynamicInt8QuantizerTests
{
    private const int Rows = 16;
    private const int Columns = 8;

    [Fact]
    public void QuantizePerColumn_RandomWeights_DequantiseWithinHalfAStepOfEachColumn()
    {
        var weights = RandomWeights(new Random(7), Rows, Columns);
        // Column 3 far larger than the rest: a per-tensor scale would flatten the others to a few levels.
        for (var r = 0; r < Rows; r++)
        {
            weights[(r * Columns) + 3] *= 50;
        }

        var (values, scales) = DynamicInt8Quantizer.QuantizePerColumn(weights, Rows, Columns, 127);

        for (var i = 0; i < weights.Length; i++)
        {
            var scale = scales[i % Columns];
            Assert.InRange(Math.Abs((values[i] * scale) - weights[i]), 0, (scale / 2) + 1e-7);
            Assert.InRange((int)values[i], -127, 127);
        }

        Assert.True(scales[3] > 10 * scales[0], $"column scales {scales[3]} and {scales[0]}");
    }

    [Fact]
    public void QuantizePerColumn_ZeroColumn_GetsScaleOneAndZeros()
    {
        var weights = new float[Rows * Columns];

        var (values, scales) = DynamicInt8Quantizer.QuantizePerColumn(weights, Rows, Columns, 63);

        Assert.All(scales, scale => Assert.Equal(1f, scale));
        Assert.All(values, value => Assert.Equal(0, value));
    }

    [Fact]
    public void Quantize_MatMulByWeight_RunsAsDynamicQuantizeMatMulCloseToFloat()
    {
        var random = new Random(11);
        var weights = RandomWeights(random, Rows, Columns);
        var input = RandomWeights(random, 4, Rows);
        var model = MatMulModel(weights);
        var expected = Run(model.ToByteArray(), input);

        var quantised = DynamicInt8Quantizer.Quantize(model);
        var actual = Run(model.ToByteArray(), input);

        Assert.Equal(1, quantised);
        Assert.Equal("DynamicQuantizeMatMul", model.Graph.Node[0].OpType);
        Assert.Equal(DynamicInt8Quantizer.MicrosoftDomain, model.Graph.Node[0].Domain);
        Assert.DoesNotContain(model.Graph.Initializer, t => t.Name == "weight");
        var largest = expected.Max(Math.Abs);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.InRange(Math.Abs(actual[i] - expected[i]), 0, 0.03 * largest);
        }
    }

    [Fact]
    public void Quantize_MatMulFollowedByBiasAdd_FoldsTheBiasIntoTheNode()
    {
        var random = new Random(5);
        var input = RandomWeights(random, 3, Rows);
        var model = MatMulModel(RandomWeights(random, Rows, Columns), bias: RandomWeights(random, 1, Columns));
        var expected = Run(model.ToByteArray(), input);

        DynamicInt8Quantizer.Quantize(model);
        var actual = Run(model.ToByteArray(), input);

        var node = Assert.Single(model.Graph.Node);
        Assert.Equal("DynamicQuantizeMatMul", node.OpType);
        Assert.Equal("bias", node.Input[4]);
        Assert.Equal("y", node.Output[0]);
        var largest = expected.Max(Math.Abs);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.InRange(Math.Abs(actual[i] - expected[i]), 0, 0.03 * largest);
        }
    }

    [Fact]
    public void Quantize_KeepFloatChoosesTheMatMul_LeavesGraphUnchanged()
    {
        var model = MatMulModel(RandomWeights(new Random(3), Rows, Columns));
        var seen = new List<WeightMatMul>();

        var quantised = DynamicInt8Quantizer.Quantize(model, matMul => { seen.Add(matMul); return true; });

        Assert.Equal(0, quantised);
        Assert.Equal("MatMul", model.Graph.Node[0].OpType);
        Assert.Equal([new WeightMatMul("matmul", 0, Rows, Columns)], seen);
        Assert.Single(model.Graph.Initializer);
    }

    [Fact]
    public void Quantize_ProductOfTwoInputs_IsLeftFloat()
    {
        var graph = new GraphProto { Name = "activations" };
        var node = new NodeProto { OpType = "MatMul", Name = "scores" };
        node.Input.AddRange(["x", "y"]);
        node.Output.Add("z");
        graph.Node.Add(node);
        var model = new ModelProto { IrVersion = 8, Graph = graph };

        Assert.Equal(0, DynamicInt8Quantizer.Quantize(model));
        Assert.Equal("MatMul", model.Graph.Node[0].OpType);
    }

    private static float[] RandomWeights(Random random, int rows, int columns) =>
        Enumerable.Range(0, rows * columns).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();

    private static ModelProto MatMulModel(float[] weights, float[]? bias = null)
    {
        var graph = new GraphProto { Name = "matmul" };
        graph.Input.Add(Value("x", "batch", Rows));
        graph.Output.Add(Value("y", "batch", Columns));
        var tensor = new TensorProto { Name = "weight", DataType = 1, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(weights.AsSpan())) };
        tensor.Dims.AddRange([Rows, Columns]);
        graph.Initializer.Add(tensor);
        var node = new NodeProto { OpType = "MatMul", Name = "matmul" };
        node.Input.AddRange(["x", "weight"]);
        node.Output.Add(bias is null ? "y" : "product");
        graph.Node.Add(node);
        if (bias is not null)
        {
            var biasTensor = new TensorProto { Name = "bias", DataType = 1, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(bias.AsSpan())) };
            biasTensor.Dims.Add(Columns);
            graph.Initializer.Add(biasTensor);
            var add = new NodeProto { OpType = "Add", Name = "add" };
            add.Input.AddRange(["bias", "product"]);
            add.Output.Add("y");
            graph.Node.Add(add);
        }

        var model = new ModelProto { IrVersion = 8, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
        return model;
    }

    private static ValueInfoProto Value(string name, string rows, int columns)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = rows });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = columns });
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1, Shape = shape } } };
    }

    private static float[] Run(byte[] model, float[] input)
    {
        using var session = new InferenceSession(model);
        using var x = OrtValue.CreateTensorValueFromMemory(input, [input.Length / Rows, Rows]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["x"], [x], ["y"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
