namespace Grading.Inference.Embeddings;

/// <summary>
/// The encoder's contextual vector of each word piece of a text (its last hidden state; [CLS] and [SEP] left out), each
/// L2-normalised, stored row after row: what token alignment (<see cref="Similarity.TokenAlignment"/>) compares, where
/// the mean-pooled sentence vector has averaged the words away.
/// </summary>
public sealed class TokenStates
{
    /// <summary>No tokens: a text that was not encoded token by token (alignment with it is 0).</summary>
    public static readonly TokenStates None = new([], 0);

    /// <param name="values">Count x dimension values, one unit-length row per token.</param>
    /// <param name="dimension">Length of a row.</param>
    public TokenStates(float[] values, int dimension)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(dimension);
        if (dimension == 0 ? values.Length != 0 : values.Length % dimension != 0)
        {
            throw new ArgumentException($"{values.Length} values are not whole rows of {dimension}.", nameof(values));
        }

        Values = values;
        Dimension = dimension;
    }

    public int Dimension { get; }

    public int Count => Dimension == 0 ? 0 : Values.Length / Dimension;

    /// <summary>All rows, one after another.</summary>
    public float[] Values { get; }

    public ReadOnlySpan<float> Row(int index) => Values.AsSpan(index * Dimension, Dimension);
}
