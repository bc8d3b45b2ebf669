namespace Grading.Inference.Hosting;

/// <summary><c>Grading:Grader</c>: which grader a host uses (see <see cref="GraderKinds"/>).</summary>
public sealed class GraderOptions
{
    public const string SectionName = "Grading";

    public string Grader { get; set; } = GraderKinds.Encoder;
}
