using Grading.Inference.Embeddings;

namespace Grading.Inference.Tests.Embeddings;

public sealed class TokenStatesTests
{
    [Fact]
    public void Row_TwoRowsOfThree_ReturnsEachRow()
    {
        var states = new TokenStates([1, 2, 3, 4, 5, 6], dimension: 3);

        Assert.Equal(2, states.Count);
        Assert.Equal([4f, 5f, 6f], states.Row(1).ToArray());
    }

    [Fact]
    public void Constructor_ValuesNotWholeRows_ThrowsNamingBoth()
    {
        var error = Assert.Throws<ArgumentException>(() => new TokenStates([1, 2, 3, 4], dimension: 3));

        Assert.Contains("4 values", error.Message);
        Assert.Contains("rows of 3", error.Message);
    }
}
