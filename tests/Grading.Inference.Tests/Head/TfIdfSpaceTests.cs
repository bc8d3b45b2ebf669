using Grading.Inference.Head;

namespace Grading.Inference.Tests.Head;

public sealed class TfIdfSpaceTests
{
    private static readonly IReadOnlySet<string>[] Documents =
    [
        new HashSet<string> { "the", "window", "flow" },
        new HashSet<string> { "the", "window", "congestion" },
        new HashSet<string> { "the", "encryption" },
    ];

    [Fact]
    public void Of_Documents_VectorsHaveUnitLength()
    {
        var space = TfIdfSpace.Of(Documents);

        Assert.All(space.Examples, vector => Assert.Equal(1, Math.Sqrt(vector.Values.Sum(w => w * w)), precision: 12));
    }

    [Fact]
    public void Cosine_SharedRareTerm_CountsMoreThanSharedCommonTerm()
    {
        var space = TfIdfSpace.Of(Documents);
        var rare = space.VectorOf(new HashSet<string> { "encryption", "other" });
        var common = space.VectorOf(new HashSet<string> { "the", "other" });

        Assert.True(TfIdfSpace.Cosine(rare, space.Examples[2]) > TfIdfSpace.Cosine(common, space.Examples[2]) + 0.2);
        Assert.Equal(1, TfIdfSpace.Cosine(space.Examples[0], space.Examples[0]), precision: 12);
        Assert.Equal(0, TfIdfSpace.Cosine(space.VectorOf(new HashSet<string> { "unseen" }), space.Examples[0]));
    }

    [Fact]
    public void Without_OneDocument_KeepsTheOthersInOrder()
    {
        var space = TfIdfSpace.Of(Documents);

        var without = space.Without(1);

        Assert.Equal([space.Examples[0], space.Examples[2]], without.Examples);
    }
}
