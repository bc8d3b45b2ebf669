namespace Grading.Inference.Embeddings;

/// <summary>
/// Splits a text into overlapping runs of whole words, each no longer than an encoder's token window.
/// Overlap keeps a sentence that straddles a boundary whole in at least one window.
/// </summary>
public sealed class TokenWindowSplitter
{
    private static readonly char[] WordSeparators = [' ', '\t', '\r', '\n'];

    private readonly Func<string, int> _countWordTokens;

    /// <param name="maxTokensPerWindow">Content tokens a window may hold (the encoder window minus its special tokens).</param>
    /// <param name="overlapTokens">About how many tokens consecutive windows share.</param>
    /// <param name="countWordTokens">Word-piece tokens one whitespace-free word becomes.</param>
    public TokenWindowSplitter(int maxTokensPerWindow, int overlapTokens, Func<string, int> countWordTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokensPerWindow, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(overlapTokens);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(overlapTokens, maxTokensPerWindow);
        MaxTokensPerWindow = maxTokensPerWindow;
        OverlapTokens = overlapTokens;
        _countWordTokens = countWordTokens;
    }

    public int MaxTokensPerWindow { get; }

    public int OverlapTokens { get; }

    /// <summary>The text itself when it fits one window, otherwise its overlapping windows in reading order.</summary>
    public IReadOnlyList<string> Split(string text)
    {
        var words = text.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries);
        // A single word longer than the window cannot be split on word boundaries; the encoder's own tokenizer caps it.
        var tokenCounts = words.Select(word => Math.Min(_countWordTokens(word), MaxTokensPerWindow)).ToArray();
        if (tokenCounts.Sum() <= MaxTokensPerWindow)
        {
            return [text];
        }

        var windows = new List<string>();
        var start = 0;
        while (start < words.Length)
        {
            var end = start;
            var tokens = 0;
            while (end < words.Length && tokens + tokenCounts[end] <= MaxTokensPerWindow)
            {
                tokens += tokenCounts[end];
                end++;
            }

            windows.Add(string.Join(' ', words, start, end - start));
            if (end >= words.Length)
            {
                break;
            }

            start = NextWindowStart(tokenCounts, start, end);
        }

        return windows;
    }

    // Step back from the end of the current window while the shared tail stays within the overlap budget,
    // but always move forward by at least one word so the loop ends.
    private int NextWindowStart(int[] tokenCounts, int start, int end)
    {
        var next = end;
        var overlap = 0;
        while (next - 1 > start && overlap + tokenCounts[next - 1] <= OverlapTokens)
        {
            next--;
            overlap += tokenCounts[next];
        }

        return next;
    }
}
