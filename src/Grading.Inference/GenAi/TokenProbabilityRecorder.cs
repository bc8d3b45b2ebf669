using Microsoft.ML.OnnxRuntimeGenAI;

namespace Grading.Inference.GenAi;

/// <summary>
/// Per generated token and batch row, the probability the model gave the token it emitted: after each
/// <see cref="Generator.GenerateNextToken"/> the decoder's logits output still holds the step the token was chosen
/// from, so the probability is the softmax of that row's last-position logits at the chosen token. It is read before
/// temperature, so the greedy and the sampled retry are judged by the same distribution.
/// </summary>
/// <param name="readPromptStep">
/// Whether to read the prompt step's logits. They cover every prompt position (rows x prompt x vocabulary: about 800 MB
/// for 8 answers of 800 tokens with Llama-2's 32k vocabulary), and reading them copies them off the GPU, which would
/// cost more than the first token's probability is worth: a contract reply opens with its key ("Score", "{"), never the
/// number. Where not read the first token's probability is NaN.
/// </param>
internal sealed class TokenProbabilityRecorder(int rows, bool readPromptStep)
{
    /// <summary>The largest prompt step (rows x prompt tokens x vocabulary) whose logits are read: 16 MB of floats.</summary>
    public const long MaxPromptStepLogits = 1 << 22;

    private readonly List<double>[] _probabilities = Enumerable.Range(0, rows).Select(_ => new List<double>()).ToArray();
    private bool _promptStep = true;

    public void Record(Generator generator, string logitsOutputName, string attentionMaskInputName)
    {
        var promptStep = _promptStep;
        _promptStep = false;
        if (promptStep && !readPromptStep)
        {
            foreach (var row in _probabilities)
            {
                row.Add(double.NaN);
            }

            return;
        }

        using var logits = generator.GetOutput(logitsOutputName);
        var shape = logits.Shape();
        var data = logits.GetData<float>();
        var chosen = generator.GetNextTokens();
        var vocabulary = (int)shape[^1];
        var positions = shape.Length == 3 ? (int)shape[1] : 1;
        var last = positions > 1 ? LastPromptPositions(generator, attentionMaskInputName, positions) : null;
        for (var row = 0; row < rows; row++)
        {
            var offset = ((row * positions) + (last?[row] ?? positions - 1)) * vocabulary;
            _probabilities[row].Add(Softmax.ProbabilityOf(data.Slice(offset, vocabulary), chosen[row]));
        }
    }

    /// <summary>
    /// The prompt step returns logits for every prompt position, and the token was chosen from each row's last real
    /// one: the last position its attention mask marks (GenAI pads shorter prompts of a batch; this holds whichever side).
    /// </summary>
    private int[] LastPromptPositions(Generator generator, string attentionMaskInputName, int positions)
    {
        using var mask = generator.GetInput(attentionMaskInputName);
        var values = mask.GetData<long>();
        var width = (int)mask.Shape()[^1];
        var last = new int[rows];
        for (var row = 0; row < rows; row++)
        {
            var position = values.Slice(row * width, width).LastIndexOf(1L);
            last[row] = position < 0 ? positions - 1 : position - (width - positions);
        }

        return last;
    }

    /// <summary>The first <paramref name="count"/> probabilities of a row (its tokens before any end token).</summary>
    public IReadOnlyList<double> For(int row, int count) => _probabilities[row].Take(count).ToArray();
}
