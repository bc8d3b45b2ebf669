using System.Text;

namespace Grading.Core.Safety;

/// <summary>
/// The answer as the rules read it: invisible format characters (zero-width spaces, joiners, bidi controls) dropped and
/// full-width ASCII folded, so "ig\u200Bnore" and "ｉｇｎｏｒｅ" read as "ignore". <see cref="ToOriginal"/> maps offsets back,
/// so findings always name spans of the answer as submitted.
/// </summary>
internal sealed class FoldedText
{
    private readonly int[] originalIndex;

    private FoldedText(string text, int[] originalIndex)
    {
        Text = text;
        this.originalIndex = originalIndex;
    }

    public string Text { get; }

    public static FoldedText Of(string answer)
    {
        var text = new StringBuilder(answer.Length);
        var map = new List<int>(answer.Length + 1);
        for (var i = 0; i < answer.Length; i++)
        {
            var c = answer[i];
            if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                continue;
            }

            text.Append(c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c == '\u3000' ? ' ' : c);
            map.Add(i);
        }

        map.Add(answer.Length);
        return new FoldedText(text.ToString(), map.ToArray());
    }

    /// <summary>The offset in the submitted answer of the folded text's offset (the end maps to the answer's end).</summary>
    public int ToOriginal(int foldedIndex) => originalIndex[Math.Clamp(foldedIndex, 0, originalIndex.Length - 1)];
}
