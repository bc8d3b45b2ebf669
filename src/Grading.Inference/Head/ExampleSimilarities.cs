namespace Grading.Inference.Head;

/// <summary>
/// How an answer compares with each of a question's graded examples, in their order (<see cref="ExampleRegression.Compare"/>):
/// the cosine of their content vectors (<see cref="ExampleRegression.EmbeddingSimilarity"/>), the TF-IDF cosines of their
/// words and of their character 4-grams, and the weighted alignment of their content pieces (<see cref="AnswerTerms.Alignment"/>).
/// Computed once per answer for its features and its feedback.
/// </summary>
internal sealed record ExampleSimilarities(double[] Embedding, double[] Words, double[] Characters, double[] Alignments)
{
    public int Count => Embedding.Length;
}
