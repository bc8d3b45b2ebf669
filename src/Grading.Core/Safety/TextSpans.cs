namespace Grading.Core.Safety;

/// <summary>Sentence and line bounds around an offset, and removal of spans from a text.</summary>
internal static class TextSpans
{
    public static (int Start, int End) Expand(string text, int start, int end, SpanScope scope) => scope switch
    {
        SpanScope.Line => (SentenceStart(text, start), LineEnd(text, end)),
        SpanScope.Sentence => (SentenceStart(text, start), SentenceEnd(text, end)),
        _ => (start, end),
    };

    /// <summary>The text without the given spans; the pieces left are joined with one space where a span cut between words.</summary>
    public static string Remove(string text, IEnumerable<(int Start, int End)> spans)
    {
        var kept = new System.Text.StringBuilder(text.Length);
        var position = 0;
        foreach (var (start, end) in Merge(spans))
        {
            kept.Append(text, position, start - position);
            if (kept.Length > 0 && !char.IsWhiteSpace(kept[^1]))
            {
                kept.Append(' ');
            }

            position = end;
            while (kept.Length > 0 && kept[^1] == ' ' && position < text.Length && text[position] == ' ')
            {
                position++;
            }
        }

        kept.Append(text, position, text.Length - position);
        return string.Join('\n', kept.ToString().Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0));
    }

    public static IReadOnlyList<(int Start, int End)> Merge(IEnumerable<(int Start, int End)> spans)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var (start, end) in spans.Where(s => s.End > s.Start).OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, end));
            }
            else
            {
                merged.Add((start, end));
            }
        }

        return merged;
    }

    /// <summary>The offset after the punctuation that closes a word ("oxygen." or "a)."), so removing the word leaves none behind.</summary>
    public static int PastTrailingPunctuation(string text, int end)
    {
        while (end < text.Length && char.IsPunctuation(text[end]))
        {
            end++;
        }

        return end;
    }

    public static bool IsSentenceEnd(string text, int index)
    {
        var c = text[index];
        if (c is '\n' or '。' or '！' or '？' or '!' or '?')
        {
            return true;
        }

        // A full stop ends a sentence, a decimal point ("10.5") does not.
        return c == '.' && (index + 1 >= text.Length || !char.IsLetterOrDigit(text[index + 1]));
    }

    private static int SentenceStart(string text, int start)
    {
        var i = start - 1;
        while (i >= 0 && !IsSentenceEnd(text, i))
        {
            i--;
        }

        // The space after the previous sentence's full stop belongs to neither.
        i++;
        while (i < start && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int SentenceEnd(string text, int end)
    {
        // A match may already end on the sentence's last mark ("...full marks!").
        if (end > 0 && end <= text.Length && IsSentenceEnd(text, end - 1) && text[end - 1] != '\n')
        {
            return end;
        }

        var i = end;
        while (i < text.Length && !IsSentenceEnd(text, i))
        {
            i++;
        }

        return i < text.Length && text[i] != '\n' ? i + 1 : i;
    }

    private static int LineEnd(string text, int end)
    {
        var i = end;
        while (i < text.Length && text[i] != '\n')
        {
            i++;
        }

        return i;
    }
}
