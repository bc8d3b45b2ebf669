namespace Grading.Cli.Commands;

/// <summary>Tokens and time of one or more generation runs, whole and from each run's first token on.</summary>
internal sealed class RunTiming
{
    public int Tokens { get; private set; }

    public TimeSpan Total { get; private set; }

    private int _decodeTokens;
    private TimeSpan _decode;

    public double TokensPerSecond => Tokens / Total.TotalSeconds;

    public double DecodeTokensPerSecond => _decodeTokens / _decode.TotalSeconds;

    public void Add(RunTiming other)
    {
        Tokens += other.Tokens;
        Total += other.Total;
        _decodeTokens += other._decodeTokens;
        _decode += other._decode;
    }

    /// <param name="rows">Rows of the batch: each produced its first token in the prefill step.</param>
    public void Add(int tokens, int rows, TimeSpan total, TimeSpan firstToken)
    {
        Tokens += tokens;
        Total += total;
        _decodeTokens += tokens - rows;
        _decode += total - firstToken;
    }
}
