using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Grading.Core.Metrics;
using Grading.Inference.Embeddings;

namespace Grading.Inference.Similarity;

/// <summary>
/// How well two texts' tokens align: BERTScore's greedy matching (Zhang et al., 2020). Each token is matched with its
/// most similar token of the other text (cosine of the encoder's token states); precision is the mean best match of the
/// first text's tokens, recall that of the second's, and the score is their F1. Importance weights may replace the plain
/// mean (BERTScore weighs by IDF; the grader by closeness to a reference answer, see <see cref="BestMatches"/>). Unlike the cosine of
/// two mean-pooled sentence vectors, it sees which words of a model answer an answer covers and which it adds.
/// </summary>
public static class TokenAlignment
{
    /// <summary>BERTScore F1 of <paramref name="candidate"/> against <paramref name="reference"/> (symmetric); 0 when either has no tokens.</summary>
    public static double F1(TokenStates candidate, TokenStates reference)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(reference);
        var (precision, recall) = PrecisionAndRecall(candidate, reference);
        return FScore.F1(precision, recall);
    }

    /// <summary>
    /// BERTScore F1 with importance weights: each token's best match counts by its weight in its text's mean (a text
    /// whose weights are all zero, or not given, counts its tokens equally).
    /// </summary>
    public static double F1(TokenStates candidate, ReadOnlySpan<float> candidateWeights, TokenStates reference, ReadOnlySpan<float> referenceWeights)
    {
        var (precision, recall) = PrecisionAndRecall(candidate, reference, candidateWeights, referenceWeights);
        return FScore.F1(precision, recall);
    }

    /// <summary>The mean best match of the candidate's tokens (precision) and of the reference's (recall).</summary>
    public static (double Precision, double Recall) PrecisionAndRecall(TokenStates candidate, TokenStates reference) =>
        PrecisionAndRecall(candidate, reference, default, default);

    /// <summary>The weighted mean best match of the candidate's tokens (precision) and of the reference's (recall).</summary>
    public static (double Precision, double Recall) PrecisionAndRecall(TokenStates candidate, TokenStates reference, ReadOnlySpan<float> candidateWeights, ReadOnlySpan<float> referenceWeights)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(reference);
        if (candidate.Count == 0 || reference.Count == 0)
        {
            return (0, 0);
        }

        if (candidate.Dimension != reference.Dimension)
        {
            throw new ArgumentException($"Token states of dimension {candidate.Dimension} and {reference.Dimension} cannot be compared.", nameof(reference));
        }

        var rows = candidate.Count;
        var columns = reference.Count;
        var buffer = rows + columns <= 1024 ? stackalloc float[rows + columns] : new float[rows + columns];
        var rowBest = buffer[..rows];
        var columnBest = buffer[rows..];
        rowBest.Fill(float.NegativeInfinity);
        columnBest.Fill(float.NegativeInfinity);

        // Four tokens of each text at a time where the CPU has 512-bit vectors: each load serves four products (the
        // similarities are a small matrix product), twice as fast as one pair at a time. The edges go one by one.
        var blocked = Vector512.IsHardwareAccelerated && candidate.Dimension % Vector512<float>.Count == 0;
        var blockRows = blocked ? rows / Block * Block : 0;
        var blockColumns = blocked ? columns / Block * Block : 0;
        Span<float> block = stackalloc float[Block * Block];
        for (var i = 0; i < blockRows; i += Block)
        {
            for (var j = 0; j < blockColumns; j += Block)
            {
                Similarities4x4(candidate, i, reference, j, block);
                for (var r = 0; r < Block; r++)
                {
                    for (var c = 0; c < Block; c++)
                    {
                        Keep(ref rowBest[i + r], ref columnBest[j + c], block[(r * Block) + c]);
                    }
                }
            }
        }

        for (var i = 0; i < rows; i++)
        {
            for (var j = i < blockRows ? blockColumns : 0; j < columns; j++)
            {
                Keep(ref rowBest[i], ref columnBest[j], TensorPrimitives.Dot(candidate.Row(i), reference.Row(j)));
            }
        }

        return (Mean(rowBest, candidateWeights), Mean(columnBest, referenceWeights));
    }

    /// <summary>For each token of <paramref name="tokens"/>, its best cosine with any token of <paramref name="others"/>, at least 0.</summary>
    public static float[] BestMatches(TokenStates tokens, IReadOnlyList<TokenStates> others)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(others);
        var best = new float[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            foreach (var other in others)
            {
                for (var j = 0; j < other.Count; j++)
                {
                    best[i] = MathF.Max(best[i], TensorPrimitives.Dot(tokens.Row(i), other.Row(j)));
                }
            }
        }

        return best;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Keep(ref float rowBest, ref float columnBest, float similarity)
    {
        rowBest = MathF.Max(rowBest, similarity);
        columnBest = MathF.Max(columnBest, similarity);
    }

    private static double Mean(ReadOnlySpan<float> values, ReadOnlySpan<float> weights)
    {
        if (weights.Length == values.Length)
        {
            double weighted = 0, total = 0;
            for (var i = 0; i < values.Length; i++)
            {
                weighted += weights[i] * values[i];
                total += weights[i];
            }

            if (total > 0)
            {
                return weighted / total;
            }
        }

        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum / values.Length;
    }

    private const int Block = 4;

    /// <summary>The 4 x 4 similarities of candidate tokens i..i+3 and reference tokens j..j+3, row by row.</summary>
    private static void Similarities4x4(TokenStates candidate, int i, TokenStates reference, int j, Span<float> into)
    {
        ref var a = ref MemoryMarshal.GetArrayDataReference(candidate.Values);
        ref var b = ref MemoryMarshal.GetArrayDataReference(reference.Values);
        var dimension = candidate.Dimension;
        nuint a0 = (nuint)(i * dimension), a1 = a0 + (nuint)dimension, a2 = a1 + (nuint)dimension, a3 = a2 + (nuint)dimension;
        nuint b0 = (nuint)(j * dimension), b1 = b0 + (nuint)dimension, b2 = b1 + (nuint)dimension, b3 = b2 + (nuint)dimension;
        var zero = Vector512<float>.Zero;
        Vector512<float> s00 = zero, s01 = zero, s02 = zero, s03 = zero, s10 = zero, s11 = zero, s12 = zero, s13 = zero;
        Vector512<float> s20 = zero, s21 = zero, s22 = zero, s23 = zero, s30 = zero, s31 = zero, s32 = zero, s33 = zero;
        for (nuint k = 0; k < (nuint)dimension; k += (nuint)Vector512<float>.Count)
        {
            var y0 = Vector512.LoadUnsafe(ref b, b0 + k);
            var y1 = Vector512.LoadUnsafe(ref b, b1 + k);
            var y2 = Vector512.LoadUnsafe(ref b, b2 + k);
            var y3 = Vector512.LoadUnsafe(ref b, b3 + k);
            var x = Vector512.LoadUnsafe(ref a, a0 + k);
            s00 = Vector512.FusedMultiplyAdd(x, y0, s00);
            s01 = Vector512.FusedMultiplyAdd(x, y1, s01);
            s02 = Vector512.FusedMultiplyAdd(x, y2, s02);
            s03 = Vector512.FusedMultiplyAdd(x, y3, s03);
            x = Vector512.LoadUnsafe(ref a, a1 + k);
            s10 = Vector512.FusedMultiplyAdd(x, y0, s10);
            s11 = Vector512.FusedMultiplyAdd(x, y1, s11);
            s12 = Vector512.FusedMultiplyAdd(x, y2, s12);
            s13 = Vector512.FusedMultiplyAdd(x, y3, s13);
            x = Vector512.LoadUnsafe(ref a, a2 + k);
            s20 = Vector512.FusedMultiplyAdd(x, y0, s20);
            s21 = Vector512.FusedMultiplyAdd(x, y1, s21);
            s22 = Vector512.FusedMultiplyAdd(x, y2, s22);
            s23 = Vector512.FusedMultiplyAdd(x, y3, s23);
            x = Vector512.LoadUnsafe(ref a, a3 + k);
            s30 = Vector512.FusedMultiplyAdd(x, y0, s30);
            s31 = Vector512.FusedMultiplyAdd(x, y1, s31);
            s32 = Vector512.FusedMultiplyAdd(x, y2, s32);
            s33 = Vector512.FusedMultiplyAdd(x, y3, s33);
        }

        into[0] = Vector512.Sum(s00);
        into[1] = Vector512.Sum(s01);
        into[2] = Vector512.Sum(s02);
        into[3] = Vector512.Sum(s03);
        into[4] = Vector512.Sum(s10);
        into[5] = Vector512.Sum(s11);
        into[6] = Vector512.Sum(s12);
        into[7] = Vector512.Sum(s13);
        into[8] = Vector512.Sum(s20);
        into[9] = Vector512.Sum(s21);
        into[10] = Vector512.Sum(s22);
        into[11] = Vector512.Sum(s23);
        into[12] = Vector512.Sum(s30);
        into[13] = Vector512.Sum(s31);
        into[14] = Vector512.Sum(s32);
        into[15] = Vector512.Sum(s33);
    }
}
