using System.Collections.Concurrent;
using Grading.Inference.Embeddings;

namespace Grading.Inference.Tests.Similarity;

/// <summary>Passes calls through to a real embedder and remembers every text it was asked to embed or encode.</summary>
internal sealed class CountingEmbedder(ITextEmbedder inner) : ITextEmbedder
{
    private readonly ConcurrentQueue<string> _embedded = new();

    public int Dimension => inner.Dimension;

    public int TimesEmbedded(string text) => _embedded.Count(embedded => embedded == text);

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        Encode(texts, cancellationToken).Select(encoding => encoding.Vector).ToArray();

    public TextEncoding[] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        foreach (var text in texts)
        {
            _embedded.Enqueue(text);
        }

        return inner.Encode(texts, cancellationToken);
    }
}
