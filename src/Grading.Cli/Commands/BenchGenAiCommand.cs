using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Grading.Cli.Bench;
using Grading.Core.Domain;
using Grading.Core.Prompts;
using Grading.Inference.GenAi;
using Grading.Inference.Hosting;
using Spectre.Console.Cli;

namespace Grading.Cli.Commands;

/// <summary>
/// <c>grading bench genai --model DIR</c>: model load time, time to first token, and generated tokens/s for the same
/// grading prompts generated one at a time and as one padded batch, through the generator and search options the genai
/// grader uses (its chat template and output format, its reply budget, token probabilities for its confidence).
/// Tokens are generated tokens only (prompt tokens are not counted); throughput is per wall second with the prompt step
/// (prefill) included, and prefill time and decode-only tokens/s are reported beside it. The last line is one JSON
/// object for scripts.
/// </summary>
public sealed class BenchGenAiCommand : AsyncCommand<BenchGenAiCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-m|--model <DIR>")]
        [Description("The model folder.")]
        public string Model { get; init; } = "";

        [CommandOption("--batch <N>")]
        [Description("Answers per batch (and answers generated sequentially). Default: 8.")]
        public int Batch { get; init; } = 8;

        [CommandOption("--new-tokens <N>")]
        [Description("New tokens per answer. Default: the grader's reply budget for this model (grading-model.json max_new_tokens, else 256).")]
        public int? NewTokens { get; init; }

        [CommandOption("-t|--template <NAME>")]
        public string? Template { get; init; }

        [CommandOption("--shared-prefix")]
        [Description("Also time the answers one at a time in one generator that runs the prompts' shared prefix once (GenAI continuous decoding): what sharing the prefix would save, which a padded batch cannot do.")]
        public bool SharedPrefix { get; init; }

        [CommandOption("--repeat <N>")]
        [Description("Runs of each mode; the fastest counts. Default: 3.")]
        public int Repeat { get; init; } = 3;

        public override Spectre.Console.ValidationResult Validate()
            => !Directory.Exists(Model) ? Spectre.Console.ValidationResult.Error($"The model folder '{Model}' does not exist.")
                : Batch < 1 || NewTokens < 1 || Repeat < 1 ? Spectre.Console.ValidationResult.Error("--batch, --new-tokens and --repeat must be at least 1.")
                : Spectre.Console.ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        DecoderModel model;
        try
        {
            model = DecoderModel.Load(settings.Model);
        }
        catch (ModelFolderException e)
        {
            Console.Error.WriteLine($"grading: {e.Message}");
            return 2;
        }

        using var _ = model;
        using var generator = new GenAiTextGenerator(model);
        var graderSettings = DecoderGraderSettingsFactory.Create(model.Folder, new DecoderModelOptions { Template = settings.Template });
        var prompts = BenchPrompts(settings.Batch, graderSettings.Template, graderSettings.Format);
        var newTokens = settings.NewTokens ?? graderSettings.MaxNewTokens;
        // The grader's search (greedy, token probabilities on); every row generates exactly newTokens, since an early end
        // token would leave a batch row idle and make the two modes do different work.
        var options = GenAiGrader.Options(SearchOptions.Greedy(newTokens)) with { MinNewTokens = newTokens };

        await generator.GenerateAsync([prompts[0]], options, cancellationToken); // warm-up: first-run allocations are not throughput
        var sharedPrefixTokens = SharedPrefixTokens(model, prompts);

        // Each mode runs Repeat times, interleaved so both see the same background load, and the fastest run of each
        // counts: on a shared machine the minimum is the stable figure. Runs are timed whole and from their first token
        // on: the decode phase is where batching pays; the prompt (prefill) phase is the same work either way.
        TimeSpan? firstToken = null;
        RunTiming? sequential = null;
        RunTiming? batched = null;
        RunTiming? sharedPrefix = null;
        for (var repeat = 0; repeat < settings.Repeat; repeat++)
        {
            TimeSpan? first = null;
            generator.FirstTokenObserved = elapsed => first ??= elapsed;
            await generator.GenerateAsync([prompts[0]], GenAiGrader.Options(SearchOptions.Greedy(1)), cancellationToken);
            generator.FirstTokenObserved = null;
            firstToken = firstToken is null || first < firstToken ? first : firstToken;

            var sequentialRun = new RunTiming();
            foreach (var prompt in prompts)
            {
                sequentialRun.Add(await TimeAsync(generator, [prompt], options, cancellationToken));
            }

            var batchedRun = await TimeAsync(generator, prompts, options, cancellationToken);
            sequential = sequential is null || sequentialRun.Total < sequential.Total ? sequentialRun : sequential;
            batched = batched is null || batchedRun.Total < batched.Total ? batchedRun : batched;
            if (settings.SharedPrefix)
            {
                var sharedRun = SharedPrefixGeneration.Run(model, prompts, sharedPrefixTokens, newTokens, cancellationToken).Timing;
                sharedPrefix = sharedPrefix is null || sharedRun.Total < sharedPrefix.Total ? sharedRun : sharedPrefix;
            }
        }

        ArgumentNullException.ThrowIfNull(sequential);
        ArgumentNullException.ThrowIfNull(batched);
        using var promptTokens = model.Tokenizer.Encode(prompts[0]);
        // A padded batch runs every row's prompt through the model, so its prefill is per-row work that batching cannot
        // share: even with a decode loop that took no time, batched could be at most this many times sequential.
        var prefillBound = sequential.Total / batched.Prefill;
        Console.WriteLine($"fastest of {settings.Repeat} runs each");
        Console.WriteLine($"model {model.Folder.Path}: loaded in {model.LoadTime.TotalMilliseconds:0} ms; prompt {promptTokens[0].Length} tokens; {Environment.ProcessorCount} cores");
        Console.WriteLine($"time to first token: {firstToken?.TotalMilliseconds:0.0} ms; {newTokens} generated tokens per answer; tokens/s below count generated tokens per wall second, prefill included");
        Console.WriteLine($"sequential: {sequential.Tokens} tokens in {sequential.Total.TotalSeconds:0.000} s (prefill {sequential.Prefill.TotalSeconds:0.000} s) = {sequential.TokensPerSecond:0.0} tokens/s; decode alone {sequential.DecodeTokensPerSecond:0.0} tokens/s");
        Console.WriteLine($"batched ({settings.Batch}): {batched.Tokens} tokens in {batched.Total.TotalSeconds:0.000} s (prefill {batched.Prefill.TotalSeconds:0.000} s) = {batched.TokensPerSecond:0.0} tokens/s ({batched.TokensPerSecond / sequential.TokensPerSecond:0.00}x); decode alone {batched.DecodeTokensPerSecond:0.0} tokens/s ({batched.DecodeTokensPerSecond / sequential.DecodeTokensPerSecond:0.00}x)");
        int? sameReplies = null;
        if (sharedPrefix is not null)
        {
            // Sharing the prefix must not change the replies: compare with the answers generated one at a time.
            var (_, replies) = SharedPrefixGeneration.Run(model, prompts, sharedPrefixTokens, newTokens, cancellationToken);
            sameReplies = 0;
            for (var i = 0; i < prompts.Count; i++)
            {
                var single = await generator.GenerateAsync([prompts[i]], options, cancellationToken);
                sameReplies += single[0].Tokens.SequenceEqual(replies[i]) ? 1 : 0;
            }

            Console.WriteLine($"one at a time, shared prefix run once: {sharedPrefix.Tokens} tokens in {sharedPrefix.Total.TotalSeconds:0.000} s (prefill {sharedPrefix.Prefill.TotalSeconds:0.000} s) = {sharedPrefix.TokensPerSecond:0.0} tokens/s ({sharedPrefix.TokensPerSecond / sequential.TokensPerSecond:0.00}x); {sameReplies} of {prompts.Count} replies the same as one at a time");
        }

        Console.WriteLine($"the batch's prefill alone bounds its speedup at {prefillBound:0.00}x; the prompts share their first {sharedPrefixTokens} of {promptTokens[0].Length} tokens, which a padded batch still runs once per row");
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            bench = "genai",
            model = model.Folder.Manifest.Id ?? Path.GetFileName(model.Folder.Path),
            loadMs = Math.Round(model.LoadTime.TotalMilliseconds, 1),
            timeToFirstTokenMs = Math.Round(firstToken?.TotalMilliseconds ?? double.NaN, 1),
            promptTokens = promptTokens[0].Length,
            newTokensPerAnswer = newTokens,
            batchSize = settings.Batch,
            tokens = "generated",
            sequentialMs = Math.Round(sequential.Total.TotalMilliseconds, 1),
            sequentialPrefillMs = Math.Round(sequential.Prefill.TotalMilliseconds, 1),
            batchedMs = Math.Round(batched.Total.TotalMilliseconds, 1),
            batchedPrefillMs = Math.Round(batched.Prefill.TotalMilliseconds, 1),
            sequentialTokensPerSecond = Math.Round(sequential.TokensPerSecond, 1),
            batchedTokensPerSecond = Math.Round(batched.TokensPerSecond, 1),
            batchedSpeedup = Math.Round(batched.TokensPerSecond / sequential.TokensPerSecond, 2),
            sequentialDecodeTokensPerSecond = Math.Round(sequential.DecodeTokensPerSecond, 1),
            batchedDecodeTokensPerSecond = Math.Round(batched.DecodeTokensPerSecond, 1),
            batchedDecodeSpeedup = Math.Round(batched.DecodeTokensPerSecond / sequential.DecodeTokensPerSecond, 2),
            prefillBoundSpeedup = Math.Round(prefillBound, 2),
            sharedPrefixTokens,
            sharedPrefixMs = sharedPrefix is null ? (double?)null : Math.Round(sharedPrefix.Total.TotalMilliseconds, 1),
            sharedPrefixPrefillMs = sharedPrefix is null ? (double?)null : Math.Round(sharedPrefix.Prefill.TotalMilliseconds, 1),
            sharedPrefixSpeedup = sharedPrefix is null ? (double?)null : Math.Round(sharedPrefix.TokensPerSecond / sequential.TokensPerSecond, 2),
            sharedPrefixSameReplies = sameReplies,
            // Not measured: a padded batch that ran the shared prefix once (GenAI cannot), estimated as the prefill
            // measured with the prefix shared plus the padded batch's measured decode loop.
            projectedSharedPrefixBatchSpeedup = sharedPrefix is null ? (double?)null : Math.Round(sequential.Total / (sharedPrefix.Prefill + batched.Total - batched.Prefill), 2),
            repeats = settings.Repeat,
            processorCount = Environment.ProcessorCount,
            loadAverage = LoadAverage.OneMinute(),
        }));
        return 0;
    }

    private static async Task<RunTiming> TimeAsync(GenAiTextGenerator generator, IReadOnlyList<string> prompts, SearchOptions options, CancellationToken cancellationToken)
    {
        TimeSpan? first = null;
        var observe = generator.FirstTokenObserved;
        generator.FirstTokenObserved = elapsed =>
        {
            first = elapsed;
            observe?.Invoke(elapsed);
        };
        var stopwatch = Stopwatch.StartNew();
        var results = await generator.GenerateAsync(prompts, options, cancellationToken);
        stopwatch.Stop();
        generator.FirstTokenObserved = observe;
        var timing = new RunTiming();
        timing.Add(results.Sum(r => r.Tokens.Count), results.Count, stopwatch.Elapsed, first ?? TimeSpan.Zero);
        return timing;
    }

    /// <summary>How many leading tokens every prompt has in common (template, instructions, question, reference).</summary>
    private static int SharedPrefixTokens(DecoderModel model, IReadOnlyList<string> prompts)
    {
        using var sequences = model.Tokenizer.EncodeBatch(prompts.ToArray());
        var first = sequences[0].ToArray();
        var shared = first.Length;
        for (var i = 1; i < prompts.Count; i++)
        {
            var other = sequences[(ulong)i];
            var common = 0;
            while (common < shared && common < other.Length && other[common] == first[common])
            {
                common++;
            }

            shared = common;
        }

        return shared;
    }

    private static List<string> BenchPrompts(int count, ChatTemplate template, OutputFormat format)
    {
        var question = new Question(
            "q1",
            "Explain why TCP needs a three-way handshake before sending data.",
            ["Both sides must agree on initial sequence numbers and confirm that each can send and receive."],
            4);
        return Enumerable.Range(0, count)
            .Select(i => GradingPrompt.ForGrading(question, $"Answer {i}: the handshake syncs sequence numbers so both ends know the connection works ({i}).", template, format))
            .ToList();
    }
}
