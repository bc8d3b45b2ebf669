namespace Grading.Inference.Embeddings;

/// <summary>Turns texts into unit-length vectors whose dot product is their cosine similarity.</summary>
public interface ITextEmbedder
{
    /// <summary>Length of every vector <see cref="Embed"/> returns.</summary>
    int Dimension { get; }

    /// <summary>Names the model (and its precision) the vectors come from; caches keep vectors of different models apart.</summary>
    string ModelId => GetType().Name;

    /// <summary>
    /// Embeds all texts in one call so implementations can batch; the result has one L2-normalised vector per text, in order.
    /// Safe to call from several threads at once.
    /// </summary>
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);

    /// <summary>
    /// Like <see cref="Embed"/>, with each text's token states too. An embedder without token states (the default)
    /// returns <see cref="TokenStates.None"/> for them.
    /// </summary>
    TextEncoding[] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        Embed(texts, cancellationToken).Select(vector => new TextEncoding(vector, TokenStates.None)).ToArray();
}
