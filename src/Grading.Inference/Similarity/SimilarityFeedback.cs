using System.Text;
using Grading.Core.Domain;

namespace Grading.Inference.Similarity;

/// <summary>Feedback a student can act on: the verdict, then which key terms of the reference answer they used and missed.</summary>
internal static class SimilarityFeedback
{
    // Long lists read as noise; the first few terms (in reference order) are the ones a student should look at.
    private const int MaxTermsListed = 6;

    public const string NoAnswer = "Incorrect. No answer was given.";

    public static string Compose(string label, IReadOnlyList<KeyTerm> covered, IReadOnlyList<KeyTerm> missed, bool comparedWithReference)
    {
        var feedback = new StringBuilder(label).Append('.');
        if (!comparedWithReference)
        {
            return feedback.Append(" Graded by comparison with answers a teacher already graded for this question.").ToString();
        }

        if (covered.Count == 0 && missed.Count == 0)
        {
            return feedback.Append(" Graded by overall similarity to the reference answer.").ToString();
        }

        feedback.Append(' ');
        if (covered.Count == 0 && label == GradeLabel.Correct)
        {
            // The score says the answer is right though it shares no key term: it makes the point in other words.
            feedback.Append("Your answer makes the point in its own words; the reference answer names ").Append(List(missed, "and")).Append('.');
        }
        else if (covered.Count == 0)
        {
            feedback.Append("Your answer does not mention the key points of the reference answer, such as ").Append(List(missed, "or")).Append('.');
        }
        else if (missed.Count == 0)
        {
            feedback.Append("Your answer covers the key terms of the reference answer: ").Append(List(covered, "and")).Append('.');
        }
        else if (label == GradeLabel.Correct)
        {
            feedback.Append("Your answer mentions ").Append(List(covered, "and"))
                .Append("; the reference answer also names ").Append(List(missed, "and")).Append('.');
        }
        else
        {
            feedback.Append("Your answer mentions ").Append(List(covered, "and"))
                .Append(", but does not mention ").Append(List(missed, "or")).Append('.');
        }

        return feedback.ToString();
    }

    private static string List(IReadOnlyList<KeyTerm> terms, string conjunction)
    {
        var shown = terms.Take(MaxTermsListed).Select(term => $"\"{term.Text}\"").ToList();
        var hidden = terms.Count - shown.Count;
        if (hidden > 0)
        {
            return $"{string.Join(", ", shown)} {conjunction} {hidden} more";
        }

        return shown.Count == 1 ? shown[0] : $"{string.Join(", ", shown[..^1])} {conjunction} {shown[^1]}";
    }
}
