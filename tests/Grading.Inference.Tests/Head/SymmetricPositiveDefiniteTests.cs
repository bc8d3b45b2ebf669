using Grading.Inference.Head;

namespace Grading.Inference.Tests.Head;

public sealed class SymmetricPositiveDefiniteTests
{
    [Fact]
    public void TryInvert_PositiveDefiniteMatrix_ProductIsIdentity()
    {
        double[,] matrix = { { 4, 1, 0.5 }, { 1, 3, 0.2 }, { 0.5, 0.2, 2 } };

        Assert.True(SymmetricPositiveDefinite.TryInvert(matrix, out var inverse));

        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                var product = Enumerable.Range(0, 3).Sum(k => matrix[i, k] * inverse[k, j]);
                Assert.Equal(i == j ? 1 : 0, product, precision: 12);
            }
        }
    }

    [Fact]
    public void TryInvert_SingularMatrix_IsFalse()
    {
        double[,] matrix = { { 1, 1 }, { 1, 1 } };

        Assert.False(SymmetricPositiveDefinite.TryInvert(matrix, out _));
    }

    [Fact]
    public void TryInvert_IndefiniteMatrix_IsFalse()
    {
        double[,] matrix = { { 1, 2 }, { 2, 1 } };

        Assert.False(SymmetricPositiveDefinite.TryInvert(matrix, out _));
    }

    [Fact]
    public void TryInvert_NonSquareMatrix_Throws()
    {
        Assert.Throws<ArgumentException>(() => SymmetricPositiveDefinite.TryInvert(new double[2, 3], out _));
    }
}
