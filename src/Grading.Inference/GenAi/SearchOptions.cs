namespace Grading.Inference.GenAi;

/// <summary>How to pick tokens. Greedy first; the retry samples, so an unparseable greedy reply is not simply repeated.</summary>
/// <param name="MinNewTokens">End tokens are suppressed until this many new tokens (benchmarks use it for equal work per row).</param>
/// <param name="TokenProbabilities">Record the probability the model gave each generated token (the grader's confidence needs it; feedback-only generation does not).</param>
public sealed record SearchOptions(int MaxNewTokens, bool DoSample = false, double Temperature = 1.0, double TopP = 1.0, int TopK = 1, double RepetitionPenalty = 1.0, int RandomSeed = 42, int MinNewTokens = 0, bool TokenProbabilities = false)
{
    public static SearchOptions Greedy(int maxNewTokens) => new(maxNewTokens);

    /// <summary>The retry: sampling with a fixed seed, so the same input still gets the same grade.</summary>
    public static SearchOptions Retry(int maxNewTokens) => new(maxNewTokens, DoSample: true, Temperature: 0.7, TopP: 0.9, TopK: 50, RepetitionPenalty: 1.1, RandomSeed: 7);
}
