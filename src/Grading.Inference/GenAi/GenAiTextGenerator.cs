using Microsoft.ML.OnnxRuntimeGenAI;

namespace Grading.Inference.GenAi;

/// <summary>
/// Generates with the shared <see cref="DecoderModel"/>: one <see cref="Generator"/> per call, holding the call's prompts
/// as one left-padded batch (<c>batch_size</c> N). At most <c>maxConcurrentGenerators</c> generators run at once (each
/// holds a KV cache; more would only compete for the same cores or GPU); cancellation is checked between tokens.
/// </summary>
public sealed class GenAiTextGenerator : ITextGenerator, IDisposable
{
    /// <summary>A prompt needs room for at least this many reply tokens (a score line) to be worth generating.</summary>
    public const int MinReplyTokens = 16;

    private readonly DecoderModel _model;
    private readonly SemaphoreSlim _generators;

    public GenAiTextGenerator(DecoderModel model, int maxConcurrentGenerators = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrentGenerators, 1);
        _model = model;
        _generators = new SemaphoreSlim(maxConcurrentGenerators, maxConcurrentGenerators);
    }

    /// <summary>Called with the elapsed time when the first new token of a call is ready (for the benchmark).</summary>
    public Action<TimeSpan>? FirstTokenObserved { get; set; }

    public async Task<IReadOnlyList<GeneratedText>> GenerateAsync(IReadOnlyList<string> prompts, SearchOptions options, CancellationToken cancellationToken = default)
    {
        if (prompts.Count == 0)
        {
            return [];
        }

        await _generators.WaitAsync(cancellationToken);
        try
        {
            // Generation is native, CPU- or GPU-bound work; keep it off the caller's thread.
            return await Task.Run(() => Generate(prompts, options, cancellationToken), cancellationToken);
        }
        finally
        {
            _generators.Release();
        }
    }

    private IReadOnlyList<GeneratedText> Generate(IReadOnlyList<string> prompts, SearchOptions options, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var sequences = _model.Tokenizer.EncodeBatch(prompts.ToArray());
        var promptLengths = new int[prompts.Count];
        for (var i = 0; i < prompts.Count; i++)
        {
            promptLengths[i] = sequences[(ulong)i].Length;
        }

        // A prompt that leaves no room for a reply is not generated at all: it gets its problem, the others run.
        var tooLong = promptLengths.Select(length => length + MinReplyTokens > _model.ContextLength).ToArray();
        if (tooLong.Any(t => t))
        {
            var fitting = Enumerable.Range(0, prompts.Count).Where(i => !tooLong[i]).ToList();
            var generated = fitting.Count > 0 ? Generate(fitting.Select(i => prompts[i]).ToList(), options, cancellationToken) : [];
            var merged = new GeneratedText[prompts.Count];
            for (var i = 0; i < prompts.Count; i++)
            {
                merged[i] = tooLong[i]
                    ? new GeneratedText("", [], false, $"the prompt is {promptLengths[i]} tokens; with a reply it does not fit the model's context of {_model.ContextLength}")
                    : generated[fitting.IndexOf(i)];
            }

            return merged;
        }

        // Shorter prompts are left-padded to the longest, so every row's new tokens start at the same index.
        var paddedPromptLength = promptLengths.Max();
        using var parameters = new GeneratorParams(_model.Model);
        parameters.SetSearchOption("batch_size", prompts.Count);
        parameters.SetSearchOption("max_length", Math.Min(paddedPromptLength + options.MaxNewTokens, _model.ContextLength));
        parameters.SetSearchOption("min_length", options.MinNewTokens > 0 ? paddedPromptLength + options.MinNewTokens : 0);
        parameters.SetSearchOption("do_sample", options.DoSample);
        parameters.SetSearchOption("num_beams", 1);
        parameters.SetSearchOption("repetition_penalty", options.RepetitionPenalty);
        if (options.DoSample)
        {
            parameters.SetSearchOption("temperature", options.Temperature);
            parameters.SetSearchOption("top_p", options.TopP);
            parameters.SetSearchOption("top_k", options.TopK);
            parameters.SetSearchOption("random_seed", options.RandomSeed);
        }

        using var generator = new Generator(_model.Model, parameters);
        generator.AppendTokenSequences(sequences);
        var probabilities = options.TokenProbabilities
            ? new TokenProbabilityRecorder(prompts.Count, _model.VocabularySize is { } vocabulary && (long)prompts.Count * paddedPromptLength * vocabulary <= TokenProbabilityRecorder.MaxPromptStepLogits)
            : null;
        var first = true;
        while (!generator.IsDone())
        {
            cancellationToken.ThrowIfCancellationRequested();
            generator.GenerateNextToken();
            probabilities?.Record(generator, _model.LogitsOutputName, _model.AttentionMaskInputName);
            if (first)
            {
                FirstTokenObserved?.Invoke(started.Elapsed);
                first = false;
            }
        }

        var results = new GeneratedText[prompts.Count];
        for (var i = 0; i < prompts.Count; i++)
        {
            var sequence = generator.GetSequence((ulong)i);
            var generated = sequence.Length > paddedPromptLength ? sequence[paddedPromptLength..] : [];
            var end = IndexOfEndToken(generated);
            var tokens = (end >= 0 ? generated[..end] : generated).ToArray();
            // GenAI does not append the end token itself: a row that ends before its budget stopped at one.
            var text = _model.Tokenizer.Decode(tokens);
            results[i] = new GeneratedText(text, tokens, end >= 0 || generated.Length < options.MaxNewTokens)
            {
                TokenProbabilities = probabilities?.For(i, tokens.Length),
                TokenTextEnds = probabilities is null ? null : TokenTextEnds.Of(_model.Tokenizer, tokens, text.Length),
            };
        }

        return results;
    }

    private int IndexOfEndToken(ReadOnlySpan<int> tokens)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            foreach (var end in _model.EndTokenIds)
            {
                if (tokens[i] == end)
                {
                    return i;
                }
            }
        }

        return -1;
    }

    public void Dispose() => _generators.Dispose();
}
