namespace Grading.Inference.Similarity;

/// <summary>A content word of a reference answer: how the reference spells it, and the stem it is matched by.</summary>
public sealed record KeyTerm(string Text, string Stem);
