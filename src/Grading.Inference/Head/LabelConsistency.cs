using Grading.Core.Domain;

namespace Grading.Inference.Head;

/// <summary>
/// Keeps the label head's verdict from contradicting the score the grade shows. The two heads are trained apart, and
/// without this a grade could read "Correct, 0.8 of 2" or "Incorrect, 2 of 3", and a reference-only feedback would
/// open with that verdict. In SAF-style grading full marks are "Correct" and no marks "Incorrect" by definition.
/// Cross-validated on SAF (head ba1d77ed28f4, rules 9 predictions with the rule applied afterwards), label accuracy:
/// unseen answers 0.8049 to 0.8068 (22 of 2,127 labels change), unseen questions 0.5985 to 0.6008 (33 change); with
/// "Correct" from half marks and "Incorrect" up to 0.3 instead, 0.8030 and 0.6032.
/// </summary>
internal static class LabelConsistency
{
    /// <summary>A "Correct" verdict needs at least this fraction of maxScore.</summary>
    public const double CorrectFrom = 0.6;

    /// <summary>An "Incorrect" verdict allows at most this fraction of maxScore.</summary>
    public const double IncorrectUpTo = 0.4;

    /// <param name="label">The label head's verdict.</param>
    /// <param name="fraction">The score the grade shows, as a fraction of maxScore.</param>
    public static string WithScore(string label, double fraction) => fraction switch
    {
        >= HeadFeatures.FullFraction => GradeLabel.Correct,
        <= HeadFeatures.ZeroFraction => GradeLabel.Incorrect,
        < CorrectFrom when label == GradeLabel.Correct => GradeLabel.PartiallyCorrect,
        > IncorrectUpTo when label == GradeLabel.Incorrect => GradeLabel.PartiallyCorrect,
        _ => label,
    };
}
