using Microsoft.ML.OnnxRuntimeGenAI;

namespace Grading.Inference.GenAi;

internal static class TokenTextEnds
{
    /// <summary>
    /// Where each token's text ends in the decoded reply, from one pass of GenAI's streaming decoder (which holds back
    /// partial multi-byte characters as the tokenizer's own decoding does). A full decode may drop a leading space the
    /// stream keeps (SentencePiece); the difference is taken off every end so the ends index the reply's text.
    /// </summary>
    public static int[] Of(Tokenizer tokenizer, int[] tokens, int textLength)
    {
        using var stream = tokenizer.CreateStream();
        var ends = new int[tokens.Length];
        var length = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            length += stream.Decode(tokens[i]).Length;
            ends[i] = length;
        }

        var surplus = Math.Max(0, length - textLength);
        var previous = 0;
        for (var i = 0; i < ends.Length; i++)
        {
            previous = ends[i] = Math.Clamp(ends[i] - surplus, previous, textLength);
        }

        return ends;
    }
}
