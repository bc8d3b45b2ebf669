using Grading.Inference.Embeddings;

namespace Grading.Inference.Tests.Embeddings;

public sealed class CachingEmbedderTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"embeddings-{Guid.NewGuid():N}.bin");

    [Fact]
    public void Embed_FileWrittenBySameModel_ServesVectorsWithoutEmbedding()
    {
        var first = new CachingEmbedder(new FixedEmbedder("model-a", 1f), _file);
        var written = first.Embed(["alpha", "beta"]);
        first.Save();
        var inner = new FixedEmbedder("model-a", 2f);

        var read = new CachingEmbedder(inner, _file).Embed(["beta", "alpha"]);

        Assert.Equal(0, inner.Calls);
        Assert.Equal(written[1], read[0]);
        Assert.Equal(written[0], read[1]);
    }

    [Fact]
    public void Encode_FileWrittenBySameModel_ServesTokenStatesAtHalfPrecision()
    {
        var first = new CachingEmbedder(new FixedEmbedder("model-a", 0.1f), _file);
        var written = first.Encode(["alpha", "be"]);
        first.Save();
        var inner = new FixedEmbedder("model-a", 2f);

        var read = new CachingEmbedder(inner, _file).Encode(["be", "alpha"]);

        Assert.Equal(0, inner.Calls);
        Assert.Equal(written[1].Tokens.Count, read[0].Tokens.Count);
        Assert.Equal(written[0].Tokens.Values, read[1].Tokens.Values, (a, b) => Math.Abs(a - b) < 1e-3);
        Assert.Equal(written[0].Vector, read[1].Vector);
    }

    [Fact]
    public void Embed_FileWrittenByAnotherModel_EmbedsAfresh()
    {
        var first = new CachingEmbedder(new FixedEmbedder("all-MiniLM-L6-v2", 1f), _file);
        first.Embed(["alpha"]);
        first.Save();
        var inner = new FixedEmbedder("all-MiniLM-L6-v2-int8", 2f);

        var read = new CachingEmbedder(inner, _file).Embed(["alpha"]);

        Assert.Equal(1, inner.Calls);
        Assert.Equal(2f, read[0][0]);
    }

    [Fact]
    public void Embed_FileOfEarlierFormat_EmbedsAfresh()
    {
        // The earlier format: the dimension, then (hash, vector) records, no model id.
        using (var writer = new BinaryWriter(File.Create(_file)))
        {
            writer.Write(2);
            writer.Write(new byte[32]);
            writer.Write(1f);
            writer.Write(1f);
        }

        var inner = new FixedEmbedder("model-a", 3f);

        var read = new CachingEmbedder(inner, _file).Embed(["alpha"]);

        Assert.Equal(1, inner.Calls);
        Assert.Equal(3f, read[0][0]);
    }

    public void Dispose() => File.Delete(_file);

    /// <summary>
    /// Every text becomes (value, length of the text), with one token state per character, (value, character / 1000);
    /// counts calls.
    /// </summary>
    private sealed class FixedEmbedder(string modelId, float value) : ITextEmbedder
    {
        public int Calls { get; private set; }

        public int Dimension => 2;

        public string ModelId => modelId;

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            Encode(texts, cancellationToken).Select(encoding => encoding.Vector).ToArray();

        public TextEncoding[] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            Calls++;
            return texts.Select(text => new TextEncoding(
                [value, text.Length],
                new TokenStates(text.SelectMany(c => new[] { value, c / 1000f }).ToArray(), Dimension))).ToArray();
        }
    }
}
