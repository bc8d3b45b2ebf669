using Grading.Core.Metrics;
using Grading.Inference.Embeddings;
using Grading.Inference.Similarity;

namespace Grading.Inference.Head;

/// <summary>
/// The terms an answer's example regressions compare: its word stems and adjacent stem pairs, its character 4-grams
/// (which match misspelt, inflected and compound words the stems miss: "acknowledgement" and "acknowledgment"), and the
/// encoder's token states of its content word pieces (<see cref="ContentTokens"/>: which match words by what they mean
/// in context).
/// </summary>
/// <param name="ContentVector">
/// The normalised mean of the content pieces' token states: a sentence vector without the stop-words and punctuation
/// every answer shares (null without token states).
/// </param>
internal sealed record AnswerTerms(IReadOnlySet<string> Words, IReadOnlySet<string> Characters, TokenStates Tokens, float[]? ContentVector = null)
{
    public const int CharacterGramLength = 4;

    public static readonly AnswerTerms None = new(new HashSet<string>(), new HashSet<string>(), TokenStates.None);

    /// <param name="tokens">The text's token states from the encoder (all word pieces); none (alignment 0) when not given.</param>
    public static AnswerTerms Of(string text, TokenStates? tokens = null)
    {
        var content = tokens is null ? TokenStates.None : ContentTokens.Of(text, tokens);
        return new(KeyTerms.StemsAndPairsOf(text), CharacterGramsOf(text), content, content.Count == 0 ? null : VectorMath.NormalizedMean(content));
    }

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
