using System.Numerics.Tensors;

namespace Grading.Inference.Embeddings;

/// <summary>The few vector operations the embedders and graders need.</summary>
public static class VectorMath
{
    /// <summary>Dot product; for unit vectors this is the cosine similarity.</summary>
    public static float Dot(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        if (left.Length != right.Length)
        {
            throw new ArgumentException($"Vectors differ in length ({left.Length} vs {right.Length}).", nameof(right));
        }

        var sum = 0f;
        for (var i = 0; i < left.Length; i++)
        {
            sum += left[i] * right[i];
        }

        return sum;
    }

    /// <summary>Scales the vector to unit length in place; a zero vector stays zero rather than turning into NaNs.</summary>
    public static void NormalizeInPlace(Span<float> vector)
    {
        var norm = MathF.Sqrt(Dot(vector, vector));
        if (norm <= 0)
        {
            return;
        }

        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] /= norm;
        }
    }

    /// <summary>The renormalised mean of several vectors of equal length.</summary>
    public static float[] NormalizedMean(IReadOnlyList<float[]> vectors)
    {
        if (vectors.Count == 0)
        {
            throw new ArgumentException("Cannot average zero vectors.", nameof(vectors));
        }

        var sum = new float[vectors[0].Length];
        foreach (var vector in vectors)
        {
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += vector[i];
            }
        }

        NormalizeInPlace(sum);
        return sum;
    }

    /// <summary>The renormalised mean of the rows of <paramref name="rows"/> (at least one).</summary>
    public static float[] NormalizedMean(TokenStates rows)
    {
        if (rows.Count == 0)
        {
            throw new ArgumentException("Cannot average zero vectors.", nameof(rows));
        }

        var sum = new float[rows.Dimension];
        for (var t = 0; t < rows.Count; t++)
        {
            TensorPrimitives.Add(sum, rows.Row(t), sum);
        }

        NormalizeInPlace(sum);
        return sum;
    }
}
