namespace Grading.Inference.Head;

/// <summary>How training rows are grouped for out-of-fold calibration: by question for the reference-only head.</summary>
internal static class HeadRowGroups
{
    public const string QuestionPrefix = "q:";
    public const string AnswerPrefix = "a:";
}
