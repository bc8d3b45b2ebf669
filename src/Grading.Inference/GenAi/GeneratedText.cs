namespace Grading.Inference.GenAi;

/// <summary>What the decoder wrote for one prompt: the new tokens only (never the prompt), decoded, and whether it stopped at an end token (rather than running out of new-token budget).</summary>
/// <param name="Problem">Why nothing could be generated (e.g. the prompt does not fit the context); null when generation ran.</param>
public sealed record GeneratedText(string Text, IReadOnlyList<int> Tokens, bool StoppedAtEndToken, string? Problem = null)
{
    /// <summary>
    /// With <see cref="SearchOptions.TokenProbabilities"/>: per token, the probability the model gave it (softmax of the
    /// logits it was chosen from); null when not recorded, NaN for a token whose step was not read (the prompt step of a
    /// large batch, see <see cref="TokenProbabilityRecorder"/>).
    /// </summary>
    public IReadOnlyList<double>? TokenProbabilities { get; init; }

    /// <summary>With <see cref="TokenProbabilities"/>: per token, the index in <see cref="Text"/> where its text ends.</summary>
    public IReadOnlyList<int>? TokenTextEnds { get; init; }
}
