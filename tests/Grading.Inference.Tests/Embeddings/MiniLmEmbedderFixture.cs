using Grading.Inference.Embeddings;

namespace Grading.Inference.Tests.Embeddings;

/// <summary>Loads the model once for every test that needs it; loading per test would dominate the run time.</summary>
public sealed class MiniLmEmbedderFixture : IDisposable
{
    public MiniLmEmbedder Embedder { get; } = new();

    public void Dispose() => Embedder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class MiniLmCollection : ICollectionFixture<MiniLmEmbedderFixture>
{
    public const string Name = "MiniLM model";
}
