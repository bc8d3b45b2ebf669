using Grading.Inference.Head;

namespace Grading.Inference.Tests.Head;

public sealed class HeadTrainingOptionsTests
{
    [Fact]
    public void ForReferenceOnly_Defaults_TakesEveryReferenceSettingAndKeepsTheSeed()
    {
        var options = new HeadTrainingOptions { Seed = 7 };

        var reference = options.ForReferenceOnly();

        Assert.Equal(
            (options.ReferenceOnlyTrees, options.ReferenceOnlyLeaves, options.ReferenceOnlyMinExamplesPerLeaf, options.ReferenceOnlyLearningRate, 7),
            (reference.Trees, reference.Leaves, reference.MinExamplesPerLeaf, reference.LearningRate, reference.Seed));
        Assert.NotEqual((options.Trees, options.MinExamplesPerLeaf), (reference.Trees, reference.MinExamplesPerLeaf));
    }
}
