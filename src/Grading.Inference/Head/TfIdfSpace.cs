namespace Grading.Inference.Head;

/// <summary>
/// TF-IDF vectors (binary term frequency, smoothed IDF, unit length) of a question's example answers, for a cosine
/// kernel between answers. The IDF comes from the examples' answers; terms none of them uses get the highest weight.
/// </summary>
internal sealed class TfIdfSpace
{
    private readonly IReadOnlyDictionary<string, double> _idf;
    private readonly double _unknownIdf;

    private TfIdfSpace(IReadOnlyDictionary<string, double> idf, double unknownIdf, IReadOnlyList<Dictionary<string, double>> examples)
    {
        _idf = idf;
        _unknownIdf = unknownIdf;
        Examples = examples;
    }

    /// <summary>Each example's vector, in order.</summary>
    public IReadOnlyList<Dictionary<string, double>> Examples { get; }

    public static TfIdfSpace Of(IReadOnlyList<IReadOnlySet<string>> documents)
    {
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in documents.SelectMany(terms => terms))
        {
            frequency[term] = frequency.GetValueOrDefault(term) + 1;
        }

        var idf = frequency.ToDictionary(pair => pair.Key, pair => Idf(documents.Count, pair.Value), StringComparer.Ordinal);
        var unknownIdf = Idf(documents.Count, 0);
        return new TfIdfSpace(idf, unknownIdf, documents.Select(terms => Vector(terms, idf, unknownIdf)).ToArray());
    }

    /// <summary>The same space without example <paramref name="index"/> (the IDF stays: it uses no scores).</summary>
    public TfIdfSpace Without(int index) => new(_idf, _unknownIdf, Examples.Where((_, i) => i != index).ToArray());

    public Dictionary<string, double> VectorOf(IReadOnlySet<string> terms) => Vector(terms, _idf, _unknownIdf);

    public static double Cosine(Dictionary<string, double> left, Dictionary<string, double> right)
    {
        if (left.Count > right.Count)
        {
            (left, right) = (right, left);
        }

        var sum = 0.0;
        foreach (var (term, weight) in left)
        {
            if (right.TryGetValue(term, out var other))
            {
                sum += weight * other;
            }
        }

        return sum;
    }

    private static double Idf(int documents, int frequency) => Math.Log((documents + 1.0) / (frequency + 1.0)) + 1;

    private static Dictionary<string, double> Vector(IReadOnlySet<string> terms, IReadOnlyDictionary<string, double> idf, double unknownIdf)
    {
        var vector = terms.ToDictionary(term => term, term => idf.GetValueOrDefault(term, unknownIdf), StringComparer.Ordinal);
        var norm = Math.Sqrt(vector.Values.Sum(weight => weight * weight));
        foreach (var term in terms)
        {
            vector[term] /= norm;
        }

        return vector;
    }
}
