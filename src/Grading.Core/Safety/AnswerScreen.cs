using System.Text.RegularExpressions;
using Grading.Core.Domain;

namespace Grading.Core.Safety;

/// <summary>
/// Reads a student's answer for attempts to game the grader: instructions and role-play aimed at it (in several
/// languages), chat-template markers, fake score lines, attempts to close the answer block, a pasted reference answer,
/// and keyword stuffing. It works the same in front of every grader; <see cref="ScreenedGrader"/> grades what is left.
/// A finding is never a verdict: it removes text from grading and sends the answer to a teacher.
/// </summary>
public static class AnswerScreen
{
    private const int QuoteLength = 60;

    public static ScreenResult Screen(string answer, Question question)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(question);

        var folded = FoldedText.Of(answer);
        var findings = new List<ScreenFinding>();
        foreach (var rule in InjectionPatterns.All)
        {
            foreach (var match in Matches(rule.Regex, folded.Text))
            {
                var (start, end) = TextSpans.Expand(folded.Text, match.Index, match.Index + match.Length, rule.Scope);
                var (originalStart, originalEnd) = (folded.ToOriginal(start), folded.ToOriginal(end));
                if (findings.Any(f => f.Kind == rule.Kind && f.Start == originalStart && f.End == originalEnd))
                {
                    continue; // the same text caught by a second rule of the same kind (e.g. "ignore ... instructions" in English and French)
                }

                var language = rule.Language == "any" ? "" : $" ({rule.Language})";
                var quoted = Quote(answer[originalStart..originalEnd]);
                findings.Add(new ScreenFinding(rule.Kind, originalStart, originalEnd - originalStart, $"possible prompt injection, {rule.What}{language}: \"{quoted}\""));
            }
        }

        // Copying and stuffing are judged on the words left once injected text is out, so one is not counted twice.
        var injected = TextSpans.Merge(findings.Select(f => (f.Start, f.End)));
        var words = Word.Split(answer).Where(w => !injected.Any(s => w.Start < s.End && w.End > s.Start)).ToList();
        if (CopiedReferenceDetector.Find(answer, words, question) is { } copied)
        {
            findings.Add(copied);
            words = words.Where(w => w.End <= copied.Start || w.Start >= copied.End).ToList();
        }

        findings.AddRange(KeywordStuffingDetector.Find(answer, words, question));
        findings.Sort((a, b) => a.Start.CompareTo(b.Start));
        var cleaned = findings.Count == 0 ? answer : TextSpans.Remove(answer, findings.Select(f => (f.Start, f.End)));
        return new ScreenResult(answer, findings, cleaned);
    }

    private static IEnumerable<Match> Matches(Regex regex, string text)
    {
        try
        {
            return regex.Matches(text).ToList();
        }
        catch (RegexMatchTimeoutException)
        {
            // Linear-time matching of an answer within the length limit does not get here; one rule skipped beats a failed row.
            return [];
        }
    }

    private static string Quote(string text)
    {
        var clean = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return clean.Length <= QuoteLength ? clean : clean[..QuoteLength] + "…";
    }
}
