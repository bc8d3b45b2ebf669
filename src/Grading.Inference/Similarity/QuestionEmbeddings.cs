namespace Grading.Inference.Similarity;

/// <summary>Everything about one question that is the same for every answer to it, computed once.</summary>
/// <param name="ReferenceVectors">One embedding per non-blank reference answer.</param>
/// <param name="ReferenceKeyTerms">Key terms of each reference answer, parallel to <paramref name="ReferenceVectors"/>.</param>
/// <param name="ReferenceWordCounts">Length of each reference answer in words, parallel to <paramref name="ReferenceVectors"/>.</param>
/// <param name="ExampleVectors">One embedding per usable graded example.</param>
/// <param name="ExampleFractions">Each example's score as a fraction of the question's max score, parallel to <paramref name="ExampleVectors"/>.</param>
internal sealed record QuestionEmbeddings(
    IReadOnlyList<float[]> ReferenceVectors,
    IReadOnlyList<IReadOnlyList<KeyTerm>> ReferenceKeyTerms,
    IReadOnlyList<int> ReferenceWordCounts,
    IReadOnlyList<float[]> ExampleVectors,
    IReadOnlyList<double> ExampleFractions)
{
    public bool HasReferences => ReferenceVectors.Count > 0;

    public bool HasExamples => ExampleVectors.Count > 0;
}
