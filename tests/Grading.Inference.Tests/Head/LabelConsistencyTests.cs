using Grading.Core.Domain;
using Grading.Inference.Head;

namespace Grading.Inference.Tests.Head;

public sealed class LabelConsistencyTests
{
    [Theory]
    [InlineData(GradeLabel.Correct, 0.4)]
    [InlineData(GradeLabel.Correct, 0.59)]
    [InlineData(GradeLabel.Incorrect, 0.49)]
    [InlineData(GradeLabel.Incorrect, 0.9)]
    public void WithScore_VerdictTheScoreContradicts_BecomesPartiallyCorrect(string label, double fraction)
    {
        Assert.Equal(GradeLabel.PartiallyCorrect, LabelConsistency.WithScore(label, fraction));
    }

    [Theory]
    [InlineData(GradeLabel.Correct, 0.6)]
    [InlineData(GradeLabel.Correct, 0.85)]
    [InlineData(GradeLabel.Incorrect, 0.4)]
    [InlineData(GradeLabel.Incorrect, 0.1)]
    [InlineData(GradeLabel.PartiallyCorrect, 0.5)]
    [InlineData(GradeLabel.PartiallyCorrect, 0.95)]
    public void WithScore_VerdictTheScoreAllows_IsKept(string label, double fraction)
    {
        Assert.Equal(label, LabelConsistency.WithScore(label, fraction));
    }

    [Theory]
    [InlineData(GradeLabel.PartiallyCorrect)]
    [InlineData(GradeLabel.Incorrect)]
    public void WithScore_FullMarks_IsCorrect(string label)
    {
        Assert.Equal(GradeLabel.Correct, LabelConsistency.WithScore(label, 1.0));
    }

    [Theory]
    [InlineData(GradeLabel.PartiallyCorrect)]
    [InlineData(GradeLabel.Correct)]
    public void WithScore_NoMarks_IsIncorrect(string label)
    {
        Assert.Equal(GradeLabel.Incorrect, LabelConsistency.WithScore(label, 0));
    }
}
