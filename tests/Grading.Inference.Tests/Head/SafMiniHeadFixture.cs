using Grading.Core.Batches.Saf;
using Grading.Inference.Embeddings;
using Grading.Inference.Head;

namespace Grading.Inference.Tests.Head;

/// <summary>The MiniLM encoder and a head trained on the shipped saf-mini sample, built once for the head tests.</summary>
public sealed class SafMiniHeadFixture : IDisposable
{
    public static readonly string SampleDirectory = Path.Combine(AppContext.BaseDirectory, "samples", "saf-mini");

    public SafMiniHeadFixture()
    {
        Questions = SafReader.ReadDirectory(SampleDirectory).Questions.Select(LabelledQuestion.FromSaf).ToArray();
        Head = new HeadEvaluation(Embedder, SmallData).Train(Questions, "saf-mini");
    }

    /// <summary>Leaves of a few examples: saf-mini has 24 answers, far fewer than the defaults are sized for.</summary>
    public static readonly HeadTrainingOptions SmallData = new() { Trees = 40, LabelTrees = 20, Leaves = 4, MinExamplesPerLeaf = 2 };

    public MiniLmEmbedder Embedder { get; } = new();

    public IReadOnlyList<LabelledQuestion> Questions { get; }

    public EncoderHead Head { get; }

    public void Dispose() => Embedder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SafMiniHeadCollection : ICollectionFixture<SafMiniHeadFixture>
{
    public const string Name = "saf-mini head";
}
