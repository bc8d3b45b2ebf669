using Google.Protobuf;
using Onnx;

namespace Grading.Inference.TestModels;

/// <summary>
/// A thin helper over the ONNX protobuf classes: adds nodes, initializers and typed inputs/outputs, and writes the
/// model with large initializers in an external data file, as ORT GenAI's model builder does.
/// </summary>
internal sealed class OnnxGraphBuilder
{
    public const int FloatType = 1;
    public const int Uint8Type = 2;
    public const int Int32Type = 6;
    public const int Int64Type = 7;
    public const int BoolType = 9;

    // Initializers at least this large go to the data file; small constants stay inline where they are readable.
    private const int ExternalDataFromBytes = 1024;

    private readonly GraphProto _graph;
    private int _nextName;

    public OnnxGraphBuilder(string graphName)
    {
        _graph = new GraphProto { Name = graphName };
    }

    public void Input(string name, int elementType, params object[] dims) => _graph.Input.Add(ValueInfo(name, elementType, dims));

    public void Output(string name, int elementType, params object[] dims) => _graph.Output.Add(ValueInfo(name, elementType, dims));

    /// <summary>Adds a node and returns its (first) output name; a fresh name is made up when none is given.</summary>
    public string Node(string opType, string[] inputs, string? output = null, string domain = "", params AttributeProto[] attributes)
    {
        output ??= $"{opType.ToLowerInvariant()}_{_nextName++}";
        var node = new NodeProto { OpType = opType, Domain = domain, Name = $"{opType}_{_graph.Node.Count}" };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);
        return output;
    }

    /// <summary>Adds a node with several named outputs.</summary>
    public void Node(string opType, string[] inputs, string[] outputs, string domain, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Domain = domain, Name = $"{opType}_{_graph.Node.Count}" };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);
    }

    public string Floats(string name, float[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = FloatType, RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan())) };
        tensor.Dims.AddRange(dims);
        _graph.Initializer.Add(tensor);
        return name;
    }

    public string Bytes(string name, byte[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = Uint8Type, RawData = ByteString.CopyFrom(values) };
        tensor.Dims.AddRange(dims);
        _graph.Initializer.Add(tensor);
        return name;
    }

    public string Int64s(string name, long[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = Int64Type, RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan())) };
        tensor.Dims.AddRange(dims);
        _graph.Initializer.Add(tensor);
        return name;
    }

    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    /// <summary>Writes <paramref name="fileName"/> into <paramref name="folder"/>, with large initializers in "<paramref name="fileName"/>.data" beside it.</summary>
    public void Save(string folder, string fileName)
    {
        var model = new ModelProto { IrVersion = 8, ProducerName = "grading make-test-model", Graph = _graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "com.microsoft", Version = 1 });

        var dataFileName = fileName + ".data";
        using (var data = File.Create(Path.Combine(folder, dataFileName)))
        {
            foreach (var tensor in _graph.Initializer.Where(t => t.RawData.Length >= ExternalDataFromBytes))
            {
                // ORT reads external tensors at any offset; aligning keeps mmap-friendly layouts like the builder's.
                var offset = (data.Position + 63) / 64 * 64;
                data.Position = offset;
                tensor.RawData.WriteTo(data);
                tensor.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = dataFileName });
                tensor.ExternalData.Add(new StringStringEntryProto { Key = "offset", Value = offset.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                tensor.ExternalData.Add(new StringStringEntryProto { Key = "length", Value = tensor.RawData.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                tensor.DataLocation = TensorProto.Types.DataLocation.External;
                tensor.RawData = ByteString.Empty;
            }
        }

        using var output = File.Create(Path.Combine(folder, fileName));
        model.WriteTo(output);
    }

    private static ValueInfoProto ValueInfo(string name, int elementType, object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim switch
            {
                string symbolic => new TensorShapeProto.Types.Dimension { DimParam = symbolic },
                int size => new TensorShapeProto.Types.Dimension { DimValue = size },
                long size => new TensorShapeProto.Types.Dimension { DimValue = size },
                _ => throw new ArgumentException($"Unsupported dimension {dim}.", nameof(dims)),
            });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = elementType, Shape = shape } },
        };
    }
}
