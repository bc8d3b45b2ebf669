using System.Diagnostics;
using Grading.Inference.GenAi;
using Microsoft.ML.OnnxRuntimeGenAI;

namespace Grading.Cli.Commands;

/// <summary>
/// Generates prompts that share a prefix one at a time in one GenAI generator that runs the prefix once: per prompt it
/// rewinds to the prefix, appends the rest (continuous decoding) and decodes greedily, reading each token's probability
/// as the grader does. GenAI cannot do this for a padded batch (with batch_size &gt; 1 AppendTokens runs once), so this
/// is the benchmark's measure of what the prefix costs and what sharing it would save, not a path the grader takes.
/// </summary>
internal static class SharedPrefixGeneration
{
    /// <returns>The timing (prefill: the prefix plus every prompt's rest) and each prompt's generated tokens.</returns>
    public static (RunTiming Timing, IReadOnlyList<int[]> Replies) Run(DecoderModel model, IReadOnlyList<string> prompts, int prefixTokens, int newTokens, CancellationToken cancellationToken = default)
    {
        using var sequences = model.Tokenizer.EncodeBatch(prompts.ToArray());
        var tokens = Enumerable.Range(0, prompts.Count).Select(i => sequences[(ulong)i].ToArray()).ToArray();
        var prefixLength = Math.Min(prefixTokens, tokens.Min(t => t.Length) - 1); // every prompt keeps a token to append
        var room = tokens.Max(t => t.Length) + newTokens + 1;
        using var parameters = new GeneratorParams(model.Model);
        parameters.SetSearchOption("max_length", room);
        // End tokens suppressed throughout: every prompt generates exactly newTokens, as in the other modes.
        parameters.SetSearchOption("min_length", room);
        parameters.SetSearchOption("do_sample", false);

        var replies = new int[prompts.Count][];
        var stopwatch = Stopwatch.StartNew();
        var prefill = TimeSpan.Zero;
        using var generator = new Generator(model.Model, parameters);
        generator.AppendTokens(tokens[0].AsSpan(0, prefixLength));
        for (var i = 0; i < prompts.Count; i++)
        {
            var started = stopwatch.Elapsed;
            generator.RewindTo((ulong)prefixLength);
            generator.AppendTokens(tokens[i].AsSpan(prefixLength));
            var probabilities = new TokenProbabilityRecorder(1, readPromptStep: true);
            for (var step = 0; step < newTokens; step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                generator.GenerateNextToken();
                probabilities.Record(generator, model.LogitsOutputName, model.AttentionMaskInputName);
                if (step == 0)
                {
                    // The prefix (first prompt only) and this prompt's rest: the prompt step of this answer.
                    prefill += i == 0 ? stopwatch.Elapsed : stopwatch.Elapsed - started;
                }
            }

            replies[i] = generator.GetSequence(0)[tokens[i].Length..].ToArray();
        }

        stopwatch.Stop();
        var timing = new RunTiming();
        timing.Add(prompts.Count * newTokens, prompts.Count, stopwatch.Elapsed, prefill);
        return (timing, replies);
    }
}
