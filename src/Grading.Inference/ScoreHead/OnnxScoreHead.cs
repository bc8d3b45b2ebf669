using Grading.Inference.GenAi;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.OnnxRuntimeGenAI;

namespace Grading.Inference.ScoreHead;

/// <summary>
/// The paper's score head at GPU scale: the fine-tuned LLM with a regression head, exported to ONNX with int4
/// MatMulNBits weights. Contract: inputs <c>input_ids</c> and <c>attention_mask</c> (int64 [batch, seq]); output
/// <c>score</c> (float [batch, 1]) as a fraction of the question's maximum. It lives in the decoder's model folder and
/// shares its tokenizer files; it runs on plain ONNX Runtime (the CUDA execution provider in the GPU image).
/// </summary>
public sealed class OnnxScoreHead : IDisposable
{
    /// <summary>Longer inputs are cut here (and flagged) so one essay cannot blow up a batch's memory.</summary>
    public const int MaxTokens = 4096;

    private readonly InferenceSession _session;
    private readonly Tokenizer _tokenizer;
    private readonly int _padTokenId;

    private OnnxScoreHead(string path, InferenceSession session, Tokenizer tokenizer, int padTokenId)
    {
        Path = path;
        _session = session;
        _tokenizer = tokenizer;
        _padTokenId = padTokenId;
    }

    public string Path { get; }

    public static OnnxScoreHead Load(ModelFolder folder)
    {
        var path = folder.ScoreHeadPath ?? throw new ModelFolderException($"Model folder '{folder.Path}' names no score head in {GradingModelManifest.FileName} (\"score_head\").");
        if (!File.Exists(path))
        {
            throw new ModelFolderException($"Score head '{path}' named in {GradingModelManifest.FileName} does not exist.");
        }

        InferenceSession? session = null;
        try
        {
            session = new InferenceSession(path);
            if (!session.InputMetadata.ContainsKey("input_ids") || !session.InputMetadata.ContainsKey("attention_mask") || !session.OutputMetadata.ContainsKey("score"))
            {
                throw new ModelFolderException($"Score head '{path}' must take input_ids and attention_mask and return score.");
            }

            using var config = new Config(folder.Path);
            var tokenizer = new Tokenizer(config);
            return new OnnxScoreHead(path, session, tokenizer, Math.Max(0, tokenizer.GetPadTokenId()));
        }
        catch (Exception e) when (e is OnnxRuntimeException or OnnxRuntimeGenAIException)
        {
            session?.Dispose();
            throw new ModelFolderException($"Score head '{path}' could not be loaded: {e.Message}", e);
        }
    }

    /// <summary>Scores a batch of texts; returns fractions in [0, 1] and whether each input was truncated.</summary>
    public (float[] Fractions, bool[] Truncated) Score(IReadOnlyList<string> texts)
    {
        using var sequences = _tokenizer.EncodeBatch(texts.ToArray());
        var tokens = Enumerable.Range(0, texts.Count).Select(i => sequences[(ulong)i].ToArray()).ToArray();
        var truncated = tokens.Select(t => t.Length > MaxTokens).ToArray();
        var length = Math.Max(1, tokens.Max(t => Math.Min(t.Length, MaxTokens)));
        var ids = new long[texts.Count * length];
        var mask = new long[texts.Count * length];
        for (var row = 0; row < texts.Count; row++)
        {
            var count = Math.Min(tokens[row].Length, MaxTokens);
            for (var col = 0; col < length; col++)
            {
                // Right padding with a zero mask: the head pools over unmasked tokens only.
                ids[row * length + col] = col < count ? tokens[row][col] : _padTokenId;
                mask[row * length + col] = col < count ? 1 : 0;
            }
        }

        var inputs = new[]
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, [texts.Count, length])),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, [texts.Count, length])),
        };
        using var outputs = _session.Run(inputs, ["score"]);
        var scores = outputs[0].AsEnumerable<float>().ToArray();
        return (scores, truncated);
    }

    public void Dispose()
    {
        _tokenizer.Dispose();
        _session.Dispose();
    }
}
