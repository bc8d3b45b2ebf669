using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Grading.Inference.Tests.GenAi;

/// <summary>
/// Greedy decoding with plain ONNX Runtime and no KV cache: every step runs the whole sequence with an empty past.
/// What GenAI generates with its cache must match this token for token.
/// </summary>
internal sealed class FullRecomputeReference(string modelPath, int layers, int kvHeads, int headSize) : IDisposable
{
    private readonly InferenceSession _session = new(modelPath);

    public List<int> Greedy(IReadOnlyList<int> prompt, int maxNewTokens, int endToken)
        => GreedyWithProbabilities(prompt, maxNewTokens, endToken).Select(t => t.Token).ToList();

    /// <summary>Greedy tokens with the softmax probability of each at the step it was chosen.</summary>
    public List<(int Token, double Probability)> GreedyWithProbabilities(IReadOnlyList<int> prompt, int maxNewTokens, int endToken)
    {
        var sequence = prompt.ToList();
        var generated = new List<(int Token, double Probability)>();
        for (var step = 0; step < maxNewTokens; step++)
        {
            var (next, probability) = ArgMaxOfLastLogits(sequence);
            generated.Add((next, probability));
            if (next == endToken)
            {
                break;
            }

            sequence.Add(next);
        }

        return generated;
    }

    private (int Token, double Probability) ArgMaxOfLastLogits(List<int> sequence)
    {
        var length = sequence.Count;
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(sequence.Select(t => (long)t).ToArray(), [1, length])),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(Enumerable.Repeat(1L, length).ToArray(), [1, length])),
            NamedOnnxValue.CreateFromTensor("position_ids", new DenseTensor<long>(Enumerable.Range(0, length).Select(i => (long)i).ToArray(), [1, length])),
        };
        for (var layer = 0; layer < layers; layer++)
        {
            inputs.Add(NamedOnnxValue.CreateFromTensor($"past_key_values.{layer}.key", new DenseTensor<float>([1, kvHeads, 0, headSize])));
            inputs.Add(NamedOnnxValue.CreateFromTensor($"past_key_values.{layer}.value", new DenseTensor<float>([1, kvHeads, 0, headSize])));
        }

        using var outputs = _session.Run(inputs, ["logits"]);
        var logits = outputs[0].AsTensor<float>();
        var vocab = logits.Dimensions[2];
        var best = 0;
        for (var v = 1; v < vocab; v++)
        {
            if (logits[0, length - 1, v] > logits[0, length - 1, best])
            {
                best = v;
            }
        }

        var max = logits[0, length - 1, best];
        var sum = 0.0;
        for (var v = 0; v < vocab; v++)
        {
            sum += Math.Exp(logits[0, length - 1, v] - max);
        }

        return (best, 1 / sum);
    }

    public void Dispose() => _session.Dispose();
}
