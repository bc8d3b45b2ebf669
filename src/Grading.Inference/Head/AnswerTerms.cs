using Grading.Core.Metrics;
using Grading.Inference.Similarity;

namespace Grading.Inference.Head;

/// <summary>
/// The terms an answer's TF-IDF kernels compare: its word stems and adjacent stem pairs, and its character 4-grams
/// (which match misspelt, inflected and compound words the stems miss: "acknowledgement" and "acknowledgment").
/// </summary>
internal sealed record AnswerTerms(IReadOnlySet<string> Words, IReadOnlySet<string> Characters)
{
    public const int CharacterGramLength = 4;

    public static readonly AnswerTerms None = new(new HashSet<string>(), new HashSet<string>());

    public static AnswerTerms Of(string text) => new(KeyTerms.StemsAndPairsOf(text), CharacterGramsOf(text));

    /// <summary>Distinct 4-grams of the lower-cased words joined by single spaces, with a space at each end.</summary>
    public static IReadOnlySet<string> CharacterGramsOf(string text)
    {
        var normalised = " " + string.Join(' ', RougeScores.Tokenize(text)) + " ";
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + CharacterGramLength <= normalised.Length; i++)
        {
            grams.Add(normalised.Substring(i, CharacterGramLength));
        }

        return grams;
    }
}
