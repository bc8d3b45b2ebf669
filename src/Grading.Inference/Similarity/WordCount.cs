namespace Grading.Inference.Similarity;

/// <summary>Whitespace-separated words, the unit answer-length checks are stated in.</summary>
internal static class WordCount
{
    public static int Of(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
