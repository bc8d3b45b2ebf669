using Grading.Inference.Embeddings;
using Grading.Inference.Similarity;

namespace Grading.Inference.Head;

/// <summary>
/// Everything about one question the head compares an answer with, embedded once: reference answers, their key terms
/// and tokens (words, and the encoder's token states), and the graded examples (vector, score fraction, label, tutor feedback and its tokens).
/// </summary>
internal sealed record QuestionContext(
    double MaxScore,
    double ScoreStep,
    IReadOnlyList<float[]> ReferenceVectors,
    IReadOnlyList<IReadOnlyList<KeyTerm>> ReferenceKeyTerms,
    IReadOnlyList<HashSet<string>> ReferenceTokens,
    IReadOnlyList<int> ReferenceWordCounts,
    IReadOnlyList<ContextExample> Examples,
    IReadOnlyList<TokenStates>? ReferenceTokenStates = null)
{
    public bool HasReferences => ReferenceVectors.Count > 0;

    public bool HasExamples => Examples.Count > 0;

    /// <summary>The examples' regressions, fitted once per example set.</summary>
    public ExampleRegression Regression => ExampleRegression.Of(Examples);

    /// <summary>
    /// The same question without one example: the answer being graded must not be its own neighbour in training. The
    /// regressions drop it exactly (a downdate, not a refit).
    /// </summary>
    public QuestionContext Without(int exampleIndex) => this with { Examples = Regression.Without(exampleIndex).Examples };

    /// <summary>The same question with only the given examples (cross-validation folds).</summary>
    public QuestionContext WithExamples(IEnumerable<int> exampleIndices) =>
        this with { Examples = exampleIndices.Select(i => Examples[i]).ToArray() };

    public QuestionContext WithoutExamples() => this with { Examples = [] };
}

/// <summary>A graded example of a question, ready to compare with (its answer's distinct words for word overlap, and its terms for the example regressions).</summary>
internal sealed record ContextExample(float[] Vector, double Fraction, string? Label, string? Feedback, string[] FeedbackTokens, IReadOnlySet<string>? AnswerWords = null, AnswerTerms? AnswerTerms = null);
