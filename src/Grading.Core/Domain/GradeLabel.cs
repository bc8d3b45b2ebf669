namespace Grading.Core.Domain;

/// <summary>The three verdicts tutors use in SAF-style grading.</summary>
public static class GradeLabel
{
    public const string Correct = "Correct";
    public const string PartiallyCorrect = "Partially correct";
    public const string Incorrect = "Incorrect";

    /// <summary>The label a score implies when a grader has no label head of its own.</summary>
    public static string FromFraction(double fraction) => fraction switch
    {
        >= 0.999 => Correct,
        <= 0.001 => Incorrect,
        _ => PartiallyCorrect,
    };
}
