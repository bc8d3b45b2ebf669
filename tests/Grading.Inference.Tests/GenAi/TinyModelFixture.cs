using Grading.Inference.GenAi;
using Grading.Inference.TestModels;

namespace Grading.Inference.Tests.GenAi;

/// <summary>Builds the tiny int4 model once for the test class and loads it through ORT GenAI, as production does.</summary>
public sealed class TinyModelFixture : IDisposable
{
    public TinyModelFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "grading-tiny-model-" + Guid.NewGuid().ToString("N"));
        TestModelWriter.Write(Folder);
        Model = DecoderModel.Load(Folder);
        Generator = new GenAiTextGenerator(Model);
    }

    public string Folder { get; }

    public DecoderModel Model { get; }

    public GenAiTextGenerator Generator { get; }

    public void Dispose()
    {
        Generator.Dispose();
        Model.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
