using Grading.Inference.Embeddings;

namespace Grading.Inference.Tests.Embeddings;

public sealed class VectorMathTests
{
    [Fact]
    public void NormalizedMean_TokenStateRows_IsTheUnitMeanOfTheRows()
    {
        var rows = new TokenStates([1f, 0f, 0f, 1f, 0f, 1f], 2);

        var mean = VectorMath.NormalizedMean(rows);

        Assert.Equal(1 / MathF.Sqrt(5), mean[0], precision: 6);
        Assert.Equal(2 / MathF.Sqrt(5), mean[1], precision: 6);
    }

    [Fact]
    public void NormalizedMean_NoRows_Throws()
    {
        Assert.Throws<ArgumentException>(() => VectorMath.NormalizedMean(TokenStates.None));
    }
}
