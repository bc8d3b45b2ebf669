using Grading.Core.Domain;

namespace Grading.Core.Safety;

/// <summary>
/// Finds a reference answer pasted into the answer: the longest run of words shared word for word with a reference,
/// when it covers most of that reference or is a long passage of it. Paraphrase shares short runs; pasting shares the
/// reference itself.
/// </summary>
internal static class CopiedReferenceDetector
{
    /// <summary>References shorter than this are single terms ("the mitochondrion"); repeating them is answering.</summary>
    public const int MinReferenceWords = 6;

    /// <summary>A shared run this long (and at least <see cref="MinCopiedFraction"/> of the reference) is a copy.</summary>
    public const int MinCopiedWords = 6;

    public const double MinCopiedFraction = 0.6;

    /// <summary>A shared run this long is a copied passage of a long reference even when it is not most of it.</summary>
    public const int CopiedPassageWords = 12;

    public static ScreenFinding? Find(string answer, IReadOnlyList<Word> answerWords, Question question)
    {
        ScreenFinding? best = null;
        var bestLength = 0;
        foreach (var reference in question.ReferenceAnswers)
        {
            var referenceWords = Word.Split(reference);
            if (referenceWords.Count < MinReferenceWords)
            {
                continue;
            }

            var (end, length) = LongestCommonRun(answerWords, referenceWords);
            if (length >= MinCopiedWords && (length >= MinCopiedFraction * referenceWords.Count || length >= CopiedPassageWords) && length > bestLength)
            {
                bestLength = length;
                var start = answerWords[end - length + 1].Start;
                var stop = TextSpans.PastTrailingPunctuation(answer, answerWords[end].End);
                best = new ScreenFinding(
                    ScreenFindingKind.PastedReference,
                    start,
                    stop - start,
                    $"copies the reference answer word for word ({length} of its {referenceWords.Count} words in a row)");
            }
        }

        return best;
    }

    /// <returns>The index in <paramref name="answer"/> of the last word of the longest shared run, and its length.</returns>
    private static (int End, int Length) LongestCommonRun(IReadOnlyList<Word> answer, IReadOnlyList<Word> reference)
    {
        // Classic dynamic programme over one row: answers are at most a few thousand words, references far fewer.
        var previous = new int[reference.Count + 1];
        var current = new int[reference.Count + 1];
        var (bestEnd, bestLength) = (0, 0);
        for (var i = 0; i < answer.Count; i++)
        {
            for (var j = 0; j < reference.Count; j++)
            {
                current[j + 1] = answer[i].Text == reference[j].Text ? previous[j] + 1 : 0;
                if (current[j + 1] > bestLength)
                {
                    (bestEnd, bestLength) = (i, current[j + 1]);
                }
            }

            (previous, current) = (current, previous);
        }

        return (bestEnd, bestLength);
    }
}
