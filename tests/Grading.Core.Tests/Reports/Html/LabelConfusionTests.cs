using Grading.Core.Domain;
using Grading.Core.Reports.Html;
using static Grading.Core.Tests.TestData;

namespace Grading.Core.Tests.Reports.Html;

public class LabelConfusionTests
{
    [Fact]
    public void Compute_NoHumanScores_Null()
    {
        Assert.Null(LabelConfusion.Compute([Grade("s1"), Grade("s2")]));
    }

    [Fact]
    public void Compute_PredictedAgainstHumanLabel_CountsEachPair()
    {
        // Predicted Correct (2/2) vs human 1/2 (Partially correct); Incorrect vs 0 (Incorrect); an unlabelled grade
        // takes the label its score implies; a label outside the three gets its own row and column.
        var confusion = LabelConfusion.Compute(
        [
            Grade("s1", score: 2, humanScore: 1),
            Grade("s2", score: 0, humanScore: 0),
            Grade("s3", score: 1, humanScore: 1) with { Label = null },
            Grade("s4", score: 1, humanScore: 2) with { Label = "Contradictory" },
            Grade("s5", score: 1),
        ])!;

        Assert.Equal([GradeLabel.Correct, GradeLabel.PartiallyCorrect, GradeLabel.Incorrect, "Contradictory"], confusion.Labels);
        Assert.Equal(1, confusion.Counts[0, 1]);
        Assert.Equal(1, confusion.Counts[2, 2]);
        Assert.Equal(1, confusion.Counts[1, 1]);
        Assert.Equal(1, confusion.Counts[3, 0]);
        Assert.Equal((4, 2), (confusion.Total, confusion.Agreeing));
    }
}
