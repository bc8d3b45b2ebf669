using Grading.Core.Domain;

namespace Grading.Inference.Head;

/// <summary>
/// Puts a predicted score that lies close to the question's score step on the step ("2.42" becomes the "2.5" a tutor
/// would give) and leaves scores between steps as they are. Tutors' scores sit on the step, so near it this removes
/// error; between steps the head's hedge is its best guess. Cross-validated on SAF (unseen answers, head rules 4):
/// within 0.3 of a step, grade-percentage error 12.8 to 11.7 and RMSE unchanged (0.192); rounding every score 11.5 but
/// RMSE 0.199.
/// </summary>
internal static class ScoreGrid
{
    /// <summary>How near a step, as a share of the step, a score must be to move onto it.</summary>
    public const double SnapWithin = 0.3;

    /// <summary>
    /// The label head's confidence from which a "Correct" verdict (full marks, in SAF-style grading) also gives full
    /// marks. Where the classifier is this sure, tutors gave full marks in most such grades, so a grade of "Correct, 2.2
    /// of 2.5" is both incoherent and further off than full marks would be. Cross-validated on SAF (unseen answers, head
    /// rules 8, the rule off in the run and applied afterwards): at 0.6 / 0.65 / 0.7 / 0.75 / 0.8 / none, RMSE 0.1807 /
    /// 0.1794 / 0.1797 / 0.1793 / 0.1786 / 0.1784 and grade-percentage error 9.65 / 9.81 / 9.93 / 10.01 / 10.09 / 10.36:
    /// lower trades RMSE for grade-percentage error, and 0.65 keeps both within their goals by the widest margin.
    /// </summary>
    public const double FullMarksFromConfidence = 0.65;

    /// <summary>Full marks where the label head says Correct with at least <see cref="FullMarksFromConfidence"/>; otherwise the score.</summary>
    public static double FullMarksWhenSure(double score, double maxScore, string label, double confidence) =>
        label == GradeLabel.Correct && confidence >= FullMarksFromConfidence ? maxScore : score;

    public static double Snap(double score, double step)
    {
        if (!(step > 0) || !double.IsFinite(score))
        {
            return score;
        }

        var nearest = Math.Round(score / step) * step;
        return Math.Abs(nearest - score) <= SnapWithin * step ? nearest : score;
    }
}
