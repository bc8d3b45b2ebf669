using Grading.Inference.Embeddings;

namespace Grading.Inference.Similarity;

/// <summary>What the teacher-graded examples closest to an answer suggest it is worth.</summary>
/// <param name="Fraction">Similarity-weighted mean score fraction of the nearest examples.</param>
/// <param name="Agreement">1 when those examples all got the same fraction, falling towards 0 as they spread.</param>
/// <param name="NearestSimilarity">Cosine similarity to the single closest example.</param>
internal sealed record NearestExampleEstimate(double Fraction, double Agreement, double NearestSimilarity)
{
    /// <summary>Enough neighbours to smooth out one oddly graded example, few enough to stay local.</summary>
    public const int NeighbourCount = 5;

    // Raising similarities to a power lets a near-duplicate example outweigh several loosely related ones.
    private const double SimilarityWeightExponent = 4;

    private const double MinimumWeight = 1e-6;

    public static NearestExampleEstimate From(float[] answer, IReadOnlyList<float[]> exampleVectors, IReadOnlyList<double> exampleFractions)
    {
        if (exampleVectors.Count == 0)
        {
            throw new ArgumentException("At least one example is needed.", nameof(exampleVectors));
        }

        var neighbours = exampleVectors
            .Select((vector, index) => (Similarity: (double)VectorMath.Dot(answer, vector), Fraction: exampleFractions[index]))
            .OrderByDescending(neighbour => neighbour.Similarity)
            .Take(NeighbourCount)
            .ToArray();

        var weights = neighbours.Select(neighbour => Math.Max(Math.Pow(Math.Max(neighbour.Similarity, 0), SimilarityWeightExponent), MinimumWeight)).ToArray();
        var totalWeight = weights.Sum();
        var mean = neighbours.Select((neighbour, i) => weights[i] * neighbour.Fraction).Sum() / totalWeight;
        var variance = neighbours.Select((neighbour, i) => weights[i] * Math.Pow(neighbour.Fraction - mean, 2)).Sum() / totalWeight;

        // Fractions lie in [0, 1], so their standard deviation is at most 0.5.
        var agreement = Math.Clamp(1 - 2 * Math.Sqrt(variance), 0, 1);
        return new NearestExampleEstimate(mean, agreement, neighbours[0].Similarity);
    }
}
