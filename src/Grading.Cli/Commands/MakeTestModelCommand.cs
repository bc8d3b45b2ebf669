using System.ComponentModel;
using Grading.Inference.TestModels;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grading.Cli.Commands;

/// <summary><c>grading make-test-model DIR</c>: a tiny random int4 model folder in ORT GenAI's layout, for tests and benchmarks.</summary>
public sealed class MakeTestModelCommand : Command<MakeTestModelCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("The folder to write (created if needed; existing model files are replaced).")]
        public string Folder { get; init; } = "";

        [CommandOption("--seed <N>")]
        [Description("Seed of the random weights. Default: 1234.")]
        public int Seed { get; init; } = 1234;

        // Wider or deeper shapes are for benchmarks (how batching scales with the weight work per token); tests use the default.
        [CommandOption("--hidden <N>")]
        [Description("Hidden size. Default: 64.")]
        public int Hidden { get; init; } = 64;

        [CommandOption("--intermediate <N>")]
        [Description("Feed-forward size. Default: 128.")]
        public int Intermediate { get; init; } = 128;

        [CommandOption("--layers <N>")]
        [Description("Decoder layers. Default: 2.")]
        public int Layers { get; init; } = 2;

        public override ValidationResult Validate() =>
            Hidden < 16 ? ValidationResult.Error($"--hidden must be at least 16 (was {Hidden}).")
            : Intermediate < 16 ? ValidationResult.Error($"--intermediate must be at least 16 (was {Intermediate}).")
            : Layers < 1 ? ValidationResult.Error($"--layers must be at least 1 (was {Layers}).")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        TestModelWriter.Write(settings.Folder, new TinyDecoderShape(Layers: settings.Layers, Hidden: settings.Hidden, Intermediate: settings.Intermediate, Seed: settings.Seed));
        var files = Directory.GetFiles(settings.Folder).Select(f => new FileInfo(f)).OrderBy(f => f.Name).ToList();
        foreach (var file in files)
        {
            AnsiConsole.MarkupLineInterpolated($"  {file.Name,-24} {file.Length,10:N0} bytes");
        }

        AnsiConsole.MarkupLineInterpolated($"Wrote a tiny int4 decoder and score head ({files.Sum(f => f.Length):N0} bytes) to [bold]{settings.Folder}[/].");
        return 0;
    }
}
