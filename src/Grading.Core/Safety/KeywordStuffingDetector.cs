using Grading.Core.Domain;

namespace Grading.Core.Safety;

/// <summary>
/// Finds sentences that are not sentences: one key term repeated over and over, or a long run of the question's key terms
/// with (almost) no function words between them. A short list ("evaporation, condensation, precipitation") is an answer;
/// a dozen terms strung together is bait for a similarity grader.
/// </summary>
internal static class KeywordStuffingDetector
{
    /// <summary>The same word this many times in a row is never prose.</summary>
    public const int RepeatedRun = 3;

    /// <summary>A sentence of at least this many words where one content word is <see cref="DominantShare"/> of them.</summary>
    public const int MinWordsForDominance = 6;

    public const double DominantShare = 0.4;

    /// <summary>A sentence of at least this many words, nearly without function words, mostly the question's key terms.</summary>
    public const int MinWordsForTermList = 8;

    public const double MaxFunctionWordShare = 0.1;

    public const double MinKeyTermShare = 0.6;

    // Function words of the languages the screen reads; their absence is what marks a bare list of terms.
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "as", "is",
        "are", "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "which", "who", "then", "than",
        "so", "because", "if", "when", "while", "not", "no", "has", "have", "had", "do", "does", "can", "will", "would",
        "there", "their", "they", "he", "she", "we", "you", "i", "my", "our", "your", "some", "all", "each", "also", "up",
        "out", "over", "under", "through", "about", "after", "before", "more", "less", "most", "such", "only", "very",
        "der", "die", "das", "und", "ist", "ein", "eine", "mit", "von", "zu", "den", "dem", "des", "im", "auf", "sind",
        "le", "la", "les", "et", "est", "un", "une", "des", "du", "en", "au", "aux", "sont", "avec", "pour", "par",
        "el", "los", "las", "y", "es", "una", "del", "con", "por", "para", "son", "que", "de",
    };

    public static IEnumerable<ScreenFinding> Find(string answer, IReadOnlyList<Word> words, Question question)
    {
        var keyTerms = KeyTermsOf(question);
        foreach (var sentence in Sentences(answer, words))
        {
            var finding = RepeatedRunIn(answer, sentence) ?? DominantTermIn(answer, sentence) ?? TermListIn(answer, sentence, keyTerms);
            if (finding is not null)
            {
                yield return finding;
            }
        }
    }

    private static ScreenFinding? RepeatedRunIn(string answer, IReadOnlyList<Word> sentence)
    {
        for (var i = 0; i + RepeatedRun <= sentence.Count; i++)
        {
            var run = 1;
            while (i + run < sentence.Count && sentence[i + run].Text == sentence[i].Text)
            {
                run++;
            }

            if (run >= RepeatedRun && !IsFunctionWord(sentence[i].Text))
            {
                return Finding(answer, sentence, $"repeats \"{Quote(sentence[i].Text)}\" {run} times in a row");
            }
        }

        return null;
    }

    private static ScreenFinding? DominantTermIn(string answer, IReadOnlyList<Word> sentence)
    {
        if (sentence.Count < MinWordsForDominance)
        {
            return null;
        }

        var top = sentence.Where(w => !IsFunctionWord(w.Text) && w.Text.Length >= 3)
            .GroupBy(w => Stem(w.Text))
            .Select(g => (Term: g.First().Text, Count: g.Count()))
            .OrderByDescending(g => g.Count)
            .FirstOrDefault();
        return top.Count >= 3 && top.Count >= DominantShare * sentence.Count
            ? Finding(answer, sentence, $"repeats \"{Quote(top.Term)}\" {top.Count} times in one sentence of {sentence.Count} words")
            : null;
    }

    private static ScreenFinding? TermListIn(string answer, IReadOnlyList<Word> sentence, IReadOnlySet<string> keyTerms)
    {
        if (sentence.Count < MinWordsForTermList || keyTerms.Count == 0)
        {
            return null;
        }

        var functionWords = sentence.Count(w => IsFunctionWord(w.Text));
        var content = sentence.Where(w => !IsFunctionWord(w.Text)).ToList();
        var keyTermCount = content.Count(w => keyTerms.Contains(Stem(w.Text)));
        return functionWords <= MaxFunctionWordShare * sentence.Count && keyTermCount >= MinKeyTermShare * content.Count
            ? Finding(answer, sentence, $"lists {sentence.Count} words, {keyTermCount} of them key terms of the question, without forming sentences")
            : null;
    }

    private static IReadOnlySet<string> KeyTermsOf(Question question) =>
        question.ReferenceAnswers.Append(question.Text)
            .SelectMany(Word.Split)
            .Where(w => !IsFunctionWord(w.Text) && w.Text.Length >= 3)
            .Select(w => Stem(w.Text))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The answer's words grouped by sentence (sentences end at . ! ? and line breaks, not at commas).</summary>
    private static IEnumerable<IReadOnlyList<Word>> Sentences(string answer, IReadOnlyList<Word> words)
    {
        var sentence = new List<Word>();
        var position = 0;
        foreach (var word in words)
        {
            for (; position < word.Start; position++)
            {
                if (TextSpans.IsSentenceEnd(answer, position) && sentence.Count > 0)
                {
                    yield return sentence;
                    sentence = [];
                }
            }

            sentence.Add(word);
            position = word.End;
        }

        if (sentence.Count > 0)
        {
            yield return sentence;
        }
    }

    private static ScreenFinding Finding(string answer, IReadOnlyList<Word> sentence, string what)
    {
        var end = TextSpans.PastTrailingPunctuation(answer, sentence[^1].End);
        return new(ScreenFindingKind.KeywordStuffing, sentence[0].Start, end - sentence[0].Start, $"keyword stuffing: {what}");
    }

    private static bool IsFunctionWord(string word) => FunctionWords.Contains(word);

    // Crude folding so "enzymes" counts as "enzyme" and "evaporation" as "evaporates": long words by their first six
    // letters, short ones without a plural "s". Enough for counting terms, not linguistics.
    private static string Stem(string word) =>
        word.Length > 6 ? word[..6] : word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;

    private static string Quote(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
