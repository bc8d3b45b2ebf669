using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Grading.Inference.Embeddings;

/// <summary>
/// Remembers encodings by a hash of the text, optionally in a file, so repeated evaluations and trainings on the same
/// data encode each text once. The file is a header (format tag, model id, dimension) and a plain list of (32-byte
/// SHA-256, vector, token count, token states as half floats) records; a file written by another model, precision,
/// dimension or format is ignored rather than misread.
/// </summary>
public sealed class CachingEmbedder(ITextEmbedder inner, string? file = null) : ITextEmbedder
{
    private const string FormatTag = "grading-embeddings-v3";

    private readonly ConcurrentDictionary<string, TextEncoding> _encodings = Load(file, inner.ModelId, inner.Dimension);

    public int Dimension => inner.Dimension;

    public string ModelId => inner.ModelId;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        Encode(texts, cancellationToken).Select(encoding => encoding.Vector).ToArray();

    public TextEncoding[] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var keys = texts.Select(KeyOf).ToArray();
        var missing = Enumerable.Range(0, texts.Count).Where(i => !_encodings.ContainsKey(keys[i])).GroupBy(i => keys[i]).Select(g => g.First()).ToArray();
        if (missing.Length > 0)
        {
            var encodings = inner.Encode(missing.Select(i => texts[i]).ToArray(), cancellationToken);
            for (var k = 0; k < missing.Length; k++)
            {
                _encodings[keys[missing[k]]] = encodings[k];
            }
        }

        // Vector copies: callers may normalise or otherwise change the vectors they get. Token states are read-only.
        return keys.Select(key => _encodings[key] with { Vector = (float[])_encodings[key].Vector.Clone() }).ToArray();
    }

    /// <summary>Writes every encoding seen so far to the file given at construction (no-op without one).</summary>
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
        foreach (var (key, encoding) in _encodings)
        {
            writer.Write(Convert.FromHexString(key));
            foreach (var value in encoding.Vector)
            {
                writer.Write(value);
            }

            writer.Write(encoding.Tokens.Count);
            foreach (var value in encoding.Tokens.Values)
            {
                writer.Write((Half)value);
            }
        }
    }

    private static string KeyOf(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static ConcurrentDictionary<string, TextEncoding> Load(string? file, string modelId, int dimension)
    {
        var vectors = new ConcurrentDictionary<string, TextEncoding>(StringComparer.Ordinal);
        if (file is null || !File.Exists(file))
        {
            return vectors;
        }

        using var reader = new BinaryReader(File.OpenRead(file));
        if (!HeaderMatches(reader, modelId, dimension))
        {
            return vectors;
        }

        var fixedSize = 32 + (sizeof(float) * dimension) + sizeof(int);
        while (reader.BaseStream.Length - reader.BaseStream.Position >= fixedSize)
        {
            var key = Convert.ToHexString(reader.ReadBytes(32));
            var vector = new float[dimension];
            for (var i = 0; i < dimension; i++)
            {
                vector[i] = reader.ReadSingle();
            }

            var tokenCount = reader.ReadInt32();
            if (tokenCount < 0 || reader.BaseStream.Length - reader.BaseStream.Position < tokenCount * dimension * 2L)
            {
                break; // a file cut short or damaged: keep what was whole
            }

            var tokenValues = new float[tokenCount * dimension];
            for (var i = 0; i < tokenValues.Length; i++)
            {
                tokenValues[i] = (float)reader.ReadHalf();
            }

            vectors[key] = new TextEncoding(vector, tokenValues.Length == 0 ? TokenStates.None : new TokenStates(tokenValues, dimension));
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
