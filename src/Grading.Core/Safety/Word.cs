namespace Grading.Core.Safety;

/// <summary>A word of a text, lower-cased, with its place in the text.</summary>
internal readonly record struct Word(string Text, int Start, int End)
{
    public static IReadOnlyList<Word> Split(string text)
    {
        var words = new List<Word>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] is '\'' or '-' && start >= 0));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(new Word(text[start..i].TrimEnd('\'', '-').ToLowerInvariant(), start, i));
                start = -1;
            }
        }

        return words;
    }
}
