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

    /// <summary>
    /// The reference-only head serves questions nobody has graded: it learns from a few dozen questions, and fewer,
    /// smaller trees carry over to new ones better (unseen-question RMSE 0.272 against 0.284 with the examples head's
    /// 300 trees of 16 leaves, int8 encoder, 5-fold cross-validation by question on SAF).
    /// </summary>
    public int ReferenceOnlyTrees { get; init; } = 100;

    public int ReferenceOnlyLeaves { get; init; } = 8;

    /// <summary>The settings the reference-only head trains with.</summary>
    public HeadTrainingOptions ForReferenceOnly() => this with { Trees = ReferenceOnlyTrees, Leaves = ReferenceOnlyLeaves };
}
