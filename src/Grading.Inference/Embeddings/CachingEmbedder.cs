using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Grading.Inference.Embeddings;

/// <summary>
/// Remembers embeddings by a hash of the text, optionally in a file, so repeated evaluations and trainings on the same
/// data embed each text once. The file is a header (format tag, model id, dimension) and a plain list of (32-byte
/// SHA-256, vector) records; a file written by another model, precision or dimension is ignored rather than misread.
/// </summary>
public sealed class CachingEmbedder(ITextEmbedder inner, string? file = null) : ITextEmbedder
{
    private const string FormatTag = "grading-embeddings-v2";

    private readonly ConcurrentDictionary<string, float[]> _vectors = Load(file, inner.ModelId, inner.Dimension);

    public int Dimension => inner.Dimension;

    public string ModelId => inner.ModelId;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var keys = texts.Select(KeyOf).ToArray();
        var missing = Enumerable.Range(0, texts.Count).Where(i => !_vectors.ContainsKey(keys[i])).GroupBy(i => keys[i]).Select(g => g.First()).ToArray();
        if (missing.Length > 0)
        {
            var vectors = inner.Embed(missing.Select(i => texts[i]).ToArray(), cancellationToken);
            for (var k = 0; k < missing.Length; k++)
            {
                _vectors[keys[missing[k]]] = vectors[k];
            }
        }

        // Copies: callers may normalise or otherwise change the vectors they get.
        return keys.Select(key => (float[])_vectors[key].Clone()).ToArray();
    }

    /// <summary>Writes every vector seen so far to the file given at construction (no-op without one).</summary>
    public void Save()
    {
        if (file is null)
        {
            return;
        }

        using var writer = new BinaryWriter(File.Create(file));
        writer.Write(FormatTag);
        writer.Write(ModelId);
        writer.Write(Dimension);
        foreach (var (key, vector) in _vectors)
        {
            writer.Write(Convert.FromHexString(key));
            foreach (var value in vector)
            {
                writer.Write(value);
            }
        }
    }

    private static string KeyOf(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static ConcurrentDictionary<string, float[]> Load(string? file, string modelId, int dimension)
    {
        var vectors = new ConcurrentDictionary<string, float[]>(StringComparer.Ordinal);
        if (file is null || !File.Exists(file))
        {
            return vectors;
        }

        using var reader = new BinaryReader(File.OpenRead(file));
        if (!HeaderMatches(reader, modelId, dimension))
        {
            return vectors;
        }

        var recordSize = 32 + (sizeof(float) * dimension);
        while (reader.BaseStream.Length - reader.BaseStream.Position >= recordSize)
        {
            var key = Convert.ToHexString(reader.ReadBytes(32));
            var vector = new float[dimension];
            for (var i = 0; i < dimension; i++)
            {
                vector[i] = reader.ReadSingle();
            }

            vectors[key] = vector;
        }

        return vectors;
    }

    private static bool HeaderMatches(BinaryReader reader, string modelId, int dimension)
    {
        try
        {
            return reader.ReadString() == FormatTag && reader.ReadString() == modelId && reader.ReadInt32() == dimension;
        }
        catch (Exception exception) when (exception is EndOfStreamException or IOException or FormatException)
        {
            // A file of the earlier format (or none at all): embed afresh.
            return false;
        }
    }
}
