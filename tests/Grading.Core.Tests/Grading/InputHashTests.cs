using Grading.Core.Domain;
using Grading.Core.Grading;

namespace Grading.Core.Tests.Grading;

public class InputHashTests
{
    private static readonly Question Question = new("q1", "Why?", ["Because."], 2);
    private static readonly Submission Submission = new("s1", "a1", "q1", "Because it is.");
    private static readonly FakeGrader Grader = new("minilm", "v1");

    private static string Hash(Submission? submission = null, string? rubricHash = null, FakeGrader? grader = null) =>
        InputHash.Of(submission ?? Submission, Question, rubricHash ?? RubricHash.Of(Question), grader ?? Grader);

    [Fact]
    public void Of_SameInputs_AreEqual()
    {
        Assert.Equal(Hash(), Hash(Submission with { }));
    }

    [Fact]
    public void Of_IsLowercaseHex()
    {
        Assert.Matches("^[0-9a-f]{24}$", Hash());
    }

    [Theory]
    [InlineData("Because it is!")]
    [InlineData("Because it is. ")]
    [InlineData("because it is.")]
    [InlineData("")]
    public void Of_AnswerDiffers_Differs(string answer)
    {
        Assert.NotEqual(Hash(), Hash(Submission with { Answer = answer }));
    }

    [Fact]
    public void Of_ComposedAndDecomposedAnswers_Differ()
    {
        // Byte-exact input: no Unicode normalisation sneaks in.
        Assert.NotEqual(Hash(Submission with { Answer = "caf\u00E9" }), Hash(Submission with { Answer = "cafe\u0301" }));
    }

    [Fact]
    public void Of_SubmissionIdRubricOrModelDiffers_Differs()
    {
        var baseline = Hash();

        Assert.NotEqual(baseline, Hash(Submission with { SubmissionId = "s2" }));
        Assert.NotEqual(baseline, Hash(Submission with { AssignmentId = "a2" }));
        Assert.NotEqual(baseline, Hash(rubricHash: "ffffffffffffffff"));
        Assert.NotEqual(baseline, Hash(grader: new FakeGrader("minilm", "v2")));
        Assert.NotEqual(baseline, Hash(grader: new FakeGrader("other", "v1")));
    }

    [Fact]
    public void Of_FieldBoundariesShifted_Differs()
    {
        // "s1" + "x" vs "s1x" + "": the separator keeps the fields apart.
        var a = Hash(Submission with { SubmissionId = "s1", Answer = "xy" });
        var b = Hash(Submission with { SubmissionId = "s1x", Answer = "y" });

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Of_HumanScoreDiffers_StaysEqual()
    {
        Assert.Equal(Hash(), Hash(Submission with { HumanScore = 2, HumanFeedback = "fine" }));
    }
}
