namespace Grading.Inference.Hosting;

/// <summary>The names of the graders, as configuration (<c>Grading:Grader</c>) and <c>--grader</c> spell them; also the DI keys.</summary>
public static class GraderKinds
{
    /// <summary>The CPU encoder grader (MiniLM embeddings and the ML.NET head trained on SAF: <see cref="Head.EncoderHeadGrader"/>).</summary>
    public const string Encoder = "encoder";

    /// <summary>Score and feedback from the int4 decoder through ONNX Runtime GenAI.</summary>
    public const string GenAi = "genai";

    /// <summary>Score from a regression head, feedback from the decoder conditioned on it.</summary>
    public const string TwoStage = "two-stage";

    /// <summary>The ONNX score head of the model folder alone (scores, no feedback).</summary>
    public const string ScoreHead = "score-head";

    public static IReadOnlyList<string> Selectable { get; } = [Encoder, GenAi, TwoStage, ScoreHead];
}
