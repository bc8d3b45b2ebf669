namespace Grading.Inference.Head;

/// <summary>FastTree settings of the head; the defaults were chosen by cross-validation on SAF (see docs/encoder-head.md).</summary>
public sealed record HeadTrainingOptions
{
    public int Trees { get; init; } = 300;
    public int LabelTrees { get; init; } = 100;
    public int Leaves { get; init; } = 16;
    public int MinExamplesPerLeaf { get; init; } = 10;
    public double LearningRate { get; init; } = 0.05;
    public int Seed { get; init; } = 1;
}
