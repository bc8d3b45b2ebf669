using Grading.Core.Domain;
using Grading.Core.Grading;

namespace Grading.Core.Tests.Grading;

public class RubricHashTests
{
    private static readonly Question Base = new(
        "q1",
        "What is photosynthesis?",
        ["Light to chemical energy."],
        4,
        [new RubricCriterion("c1", "Mentions light", 2), new RubricCriterion("c2", "Mentions energy", 2)],
        [new GradedExample("Light", 2)]);

    [Fact]
    public void Of_EqualQuestionsBuiltSeparately_AreEqual()
    {
        var copy = Base with
        {
            ReferenceAnswers = ["Light to chemical energy."],
            Criteria = [new RubricCriterion("c1", "Mentions light", 2), new RubricCriterion("c2", "Mentions energy", 2)],
        };

        Assert.Equal(RubricHash.Of(Base), RubricHash.Of(copy));
    }

    [Fact]
    public void Of_IsShortLowercaseHex()
    {
        Assert.Matches("^[0-9a-f]{16}$", RubricHash.Of(Base));
    }

    [Fact]
    public void Of_ReferenceAnswerChanged_Differs()
    {
        Assert.NotEqual(RubricHash.Of(Base), RubricHash.Of(Base with { ReferenceAnswers = ["Light to chemical energy!"] }));
    }

    [Fact]
    public void Of_ReferenceAnswerAdded_Differs()
    {
        Assert.NotEqual(RubricHash.Of(Base), RubricHash.Of(Base with { ReferenceAnswers = ["Light to chemical energy.", "Sugar from light."] }));
    }

    [Fact]
    public void Of_MaxScoreChanged_Differs()
    {
        Assert.NotEqual(RubricHash.Of(Base), RubricHash.Of(Base with { MaxScore = 5 }));
    }

    [Fact]
    public void Of_TextChanged_Differs()
    {
        Assert.NotEqual(RubricHash.Of(Base), RubricHash.Of(Base with { Text = "What is respiration?" }));
    }

    [Fact]
    public void Of_CriterionPointsChanged_Differs()
    {
        var changed = Base with { Criteria = [new RubricCriterion("c1", "Mentions light", 1), new RubricCriterion("c2", "Mentions energy", 3)] };

        Assert.NotEqual(RubricHash.Of(Base), RubricHash.Of(changed));
    }

    [Fact]
    public void Of_QuestionIdOrExamplesChanged_StaysEqual()
    {
        var changed = Base with { Id = "q99", Examples = [new GradedExample("Other", 1, "meh")] };

        Assert.Equal(RubricHash.Of(Base), RubricHash.Of(changed));
    }

    [Fact]
    public void Of_NoCriteriaAndEmptyCriteria_AreEqual()
    {
        Assert.Equal(RubricHash.Of(Base with { Criteria = null }), RubricHash.Of(Base with { Criteria = [] }));
    }
}
