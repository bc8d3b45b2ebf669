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
/// <param name="TokenWeights">
/// How close each content piece comes to the question's reference answers (its best cosine with a reference piece, at
/// least 0): what the alignment with other answers weighs it by (null without references), so that the words the
/// question is about count more than asides. The token kernel regresses better with them: leave-one-out RMSE on SAF
/// train 0.1839 against 0.1852 unweighted; a floor under the weights (0.1 to 0.5) or their square did no better, and IDF
/// weights over the question's answers did worse (0.187 at best: they favour misspellings and rare asides).
/// </param>
internal sealed record AnswerTerms(IReadOnlySet<string> Words, IReadOnlySet<string> Characters, TokenStates Tokens, float[]? ContentVector = null, float[]? TokenWeights = null)
{
    public const int CharacterGramLength = 4;

    public static readonly AnswerTerms None = new(new HashSet<string>(), new HashSet<string>(), TokenStates.None);

    /// <param name="tokens">The text's token states from the encoder (all word pieces); none (alignment 0) when not given.</param>
    /// <param name="references">The question's reference answers' content token states, which weigh the answer's pieces.</param>
    public static AnswerTerms Of(string text, TokenStates? tokens = null, IReadOnlyList<TokenStates>? references = null)
    {
        var content = tokens is null ? TokenStates.None : ContentTokens.Of(text, tokens);
        return new(
            KeyTerms.StemsAndPairsOf(text),
            CharacterGramsOf(text),
            content,
            content.Count == 0 ? null : VectorMath.NormalizedMean(content),
            references is { Count: > 0 } && content.Count > 0 ? TokenAlignment.BestMatches(content, references) : null);
    }

    /// <summary>The weighted alignment of two answers' content pieces (<see cref="TokenAlignment.F1(TokenStates, ReadOnlySpan{float}, TokenStates, ReadOnlySpan{float})"/>).</summary>
    public static double Alignment(AnswerTerms first, AnswerTerms second) =>
        TokenAlignment.F1(first.Tokens, first.TokenWeights, second.Tokens, second.TokenWeights);

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
