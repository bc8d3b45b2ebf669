namespace Grading.Cli.Commands;

/// <summary>
/// Generated tokens and time of one or more generation calls. A call's prefill is the time to its first new token
/// (tokenizing, building the padded batch and running the whole prompt through the model); its decode is the rest, in
/// which every step yields one token per row. Prompt tokens are never counted as tokens.
/// </summary>
internal sealed class RunTiming
{
    public int Tokens { get; private set; }

    public TimeSpan Total { get; private set; }

    public TimeSpan Prefill { get; private set; }

    private int _decodeTokens;

    /// <summary>Generated tokens per second of wall time, prefill included: what a chunk of answers costs.</summary>
    public double TokensPerSecond => Tokens / Total.TotalSeconds;

    /// <summary>Generated tokens per second after the first token of each call: the decode loop alone.</summary>
    public double DecodeTokensPerSecond => _decodeTokens / (Total - Prefill).TotalSeconds;

    public void Add(RunTiming other)
    {
        Tokens += other.Tokens;
        Total += other.Total;
        Prefill += other.Prefill;
        _decodeTokens += other._decodeTokens;
    }

    /// <param name="rows">Rows of the batch: each produced its first token in the prefill step.</param>
    public void Add(int tokens, int rows, TimeSpan total, TimeSpan firstToken)
    {
        Tokens += tokens;
        Total += total;
        Prefill += firstToken;
        _decodeTokens += tokens - rows;
    }
}
