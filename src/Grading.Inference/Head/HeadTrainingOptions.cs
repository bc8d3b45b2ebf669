namespace Grading.Inference.Head;

/// <summary>FastTree settings of the head; the defaults were chosen by cross-validation on SAF (see docs/encoder-head.md).</summary>
public sealed record HeadTrainingOptions
{
    /// <summary>
    /// The examples head: many small, slowly learned trees with large leaves. SAF's scores are noisy (tutors differ on
    /// near-identical answers), and more regularised trees fit that noise less. Unseen-answer RMSE, 5-fold
    /// cross-validation by answer: 0.225 with 300 trees of 16 leaves (at least 10 answers a leaf, learning rate 0.05),
    /// 0.223 with 400 of 8 (20 a leaf), 0.221 with 800 of 4 (30 a leaf), 0.214 with 1,000 of 4 (40 a leaf, rate 0.03), and no better beyond (0.213 with
    /// 1,500 of 4, 60 a leaf, rate 0.02, or 1,500 of 3). Since the examples' kernel ridge regressions joined the features
    /// (<see cref="ExampleRegression"/>), simpler trees carry over better: 0.207 with 1,000 of 4, 0.200 with 500 of 4,
    /// 0.197 with 300 of 4, 0.193 with 400 of 3, and 0.192 with 600 to 1,200 stumps (two leaves: an additive model).
    /// With content-piece alignment (rules 7), 1,000 stumps at least 15 / 25 / 40 answers a leaf: 0.1805 / 0.1801 / 0.1803
    /// (grade-% error 10.19 / 10.20 / 10.22; within the noise), 1,500 stumps (40 a leaf) 0.1805.
    /// </summary>
    public int Trees { get; init; } = 1000;
    public int LabelTrees { get; init; } = 100;
    public int Leaves { get; init; } = 2;
    public int MinExamplesPerLeaf { get; init; } = 25;
    public double LearningRate { get; init; } = 0.03;
    public int Seed { get; init; } = 1;

    /// <summary>
    /// The reference-only head serves questions nobody has graded: it learns from a few dozen questions, and fewer,
    /// smaller trees carry over to new ones better (unseen-question RMSE 0.272 against 0.284 with 300 trees of 16
    /// leaves, int8 encoder, 5-fold cross-validation by question on SAF).
    /// </summary>
    public int ReferenceOnlyTrees { get; init; } = 100;

    public int ReferenceOnlyLeaves { get; init; } = 8;

    public int ReferenceOnlyMinExamplesPerLeaf { get; init; } = 10;

    public double ReferenceOnlyLearningRate { get; init; } = 0.05;

    /// <summary>The settings the reference-only head trains with.</summary>
    public HeadTrainingOptions ForReferenceOnly() => this with
    {
        Trees = ReferenceOnlyTrees,
        Leaves = ReferenceOnlyLeaves,
        MinExamplesPerLeaf = ReferenceOnlyMinExamplesPerLeaf,
        LearningRate = ReferenceOnlyLearningRate,
    };
}
