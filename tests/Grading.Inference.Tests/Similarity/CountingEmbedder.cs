using System.Collections.Concurrent;
using Grading.Inference.Embeddings;

namespace Grading.Inference.Tests.Similarity;

/// <summary>Passes calls through to a real embedder and remembers every text it was asked to embed.</summary>
internal sealed class CountingEmbedder(ITextEmbedder inner) : ITextEmbedder
{
    private readonly ConcurrentQueue<string> _embedded = new();

    public int Dimension => inner.Dimension;

    public int TimesEmbedded(string text) => _embedded.Count(embedded => embedded == text);

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        foreach (var text in texts)
        {
            _embedded.Enqueue(text);
        }

        return inner.Embed(texts, cancellationToken);
    }
}
