namespace Grading.Core.Safety;

/// <summary>
/// One suspicious part of an answer: what kind it is, where it is (UTF-16 offsets into the answer as submitted; this is
/// the text left out of grading) and why it was flagged, in words a teacher can act on.
/// </summary>
public sealed record ScreenFinding(ScreenFindingKind Kind, int Start, int Length, string Reason)
{
    public int End => Start + Length;
}
