using Grading.Core.Batches;

namespace Grading.Core.Tests.Batches;

public class FieldNamesTests
{
    [Theory]
    [InlineData("submissionId", FieldNames.SubmissionId)]
    [InlineData("submission_id", FieldNames.SubmissionId)]
    [InlineData("SUBMISSION-ID", FieldNames.SubmissionId)]
    [InlineData("Submission Id", FieldNames.SubmissionId)]
    [InlineData(" answer ", FieldNames.Answer)]
    [InlineData("reference_answer", FieldNames.ReferenceAnswer)]
    [InlineData("reference_answers", FieldNames.ReferenceAnswers)]
    [InlineData("max_score", FieldNames.MaxScore)]
    [InlineData("human_feedback", FieldNames.HumanFeedback)]
    [InlineData("assignment_id", FieldNames.AssignmentId)]
    public void Canonical_KnownNameInAnySpelling_ReturnsCanonicalName(string name, string expected)
    {
        Assert.Equal(expected, FieldNames.Canonical(name));
    }

    [Theory]
    [InlineData("studentName")]
    [InlineData("score")]
    [InlineData("answers")]
    [InlineData("")]
    [InlineData("row")]
    public void Canonical_UnknownName_ReturnsNull(string name)
    {
        Assert.Null(FieldNames.Canonical(name));
    }
}
