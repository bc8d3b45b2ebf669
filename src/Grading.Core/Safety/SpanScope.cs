namespace Grading.Core.Safety;

/// <summary>How much of the answer around a match is left out of grading.</summary>
internal enum SpanScope
{
    /// <summary>Just the matched text (a control token, a copied passage).</summary>
    Match,

    /// <summary>The sentence holding the match: an instruction is a sentence, and half of one still instructs.</summary>
    Sentence,

    /// <summary>
    /// From the start of the sentence holding the match to the end of its line: fake output lines are line-shaped, like
    /// the output contract they imitate, but may follow a real sentence on the same line.
    /// </summary>
    Line,
}
