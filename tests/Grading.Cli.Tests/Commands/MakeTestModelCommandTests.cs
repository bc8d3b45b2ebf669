using System.Text.Json;
using Grading.Cli.Commands;
using Spectre.Console.Cli;

namespace Grading.Cli.Tests.Commands;

[Collection(nameof(ConsoleOutput))]
public sealed class MakeTestModelCommandTests : IDisposable
{
    private readonly string _default = Directory.CreateTempSubdirectory("tiny-default-").FullName;
    private readonly string _wide = Directory.CreateTempSubdirectory("tiny-wide-").FullName;

    [Fact]
    public async Task Execute_WiderDeeperShape_WritesThatShapeAndBiggerWeights()
    {
        Assert.Equal(0, await new CommandApp<MakeTestModelCommand>().RunAsync([_default]));
        Assert.Equal(0, await new CommandApp<MakeTestModelCommand>().RunAsync([_wide, "--hidden", "128", "--intermediate", "256", "--layers", "3"]));

        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(_wide, "genai_config.json")));
        var decoder = config.RootElement.GetProperty("model").GetProperty("decoder");
        Assert.Equal(128, decoder.GetProperty("hidden_size").GetInt32());
        Assert.Equal(3, decoder.GetProperty("num_hidden_layers").GetInt32());
        Assert.True(
            new FileInfo(Path.Combine(_wide, "model.onnx.data")).Length > 2 * new FileInfo(Path.Combine(_default, "model.onnx.data")).Length,
            "the wider, deeper model should hold more than twice the weights");
    }

    [Fact]
    public async Task Execute_HiddenTooSmall_FailsAndWritesNothing()
    {
        var exit = await new CommandApp<MakeTestModelCommand>().RunAsync([_wide, "--hidden", "4"]);

        Assert.NotEqual(0, exit);
        Assert.Empty(Directory.GetFiles(_wide));
    }

    [Theory]
    [InlineData(4, 128, 2, "--hidden must be at least 16 (was 4).")]
    [InlineData(64, 8, 2, "--intermediate must be at least 16 (was 8).")]
    [InlineData(64, 128, 0, "--layers must be at least 1 (was 0).")]
    public void Validate_ShapeTooSmall_NamesTheOptionAndValue(int hidden, int intermediate, int layers, string message)
    {
        var result = new MakeTestModelCommand.Settings { Folder = _wide, Hidden = hidden, Intermediate = intermediate, Layers = layers }.Validate();

        Assert.False(result.Successful);
        Assert.Equal(message, result.Message);
    }

    public void Dispose()
    {
        Directory.Delete(_default, recursive: true);
        Directory.Delete(_wide, recursive: true);
    }
}
