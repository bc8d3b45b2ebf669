using Grading.Core.Batches;
using Grading.Core.Batches.Saf;

namespace Grading.Core.Tests.Batches.Saf;

public sealed class SafBatchTests
{
    private static readonly SafQuestion Tcp = new(
        "tcp.1",
        "What does TCP guarantee?",
        ["Reliable, ordered delivery."],
        [
            new SafAnswer("tcp.1.a", "It resends lost segments and keeps their order.", 2, "Correct", "Correct."),
            new SafAnswer("tcp.1.b", "It is fast.", 0.5, "Partially correct", "Speed is not a guarantee."),
        ]);

    [Fact]
    public void From_Corpus_RowsParseBackWithTheTutorsGradesAndTheObservedMaxScore()
    {
        var files = SafBatch.From(new SafCorpus([Tcp], []), "saf-week1");

        var assignment = AssignmentReader.Read(files.Assignment);
        var batch = BatchParser.Parse(files.Rows, BatchFormat.Jsonl, assignment, "unused");

        Assert.Equal("saf-week1", assignment.Id);
        Assert.Equal(2, Assert.Single(assignment.Questions).MaxScore);
        Assert.Empty(batch.Errors);
        Assert.Equal(["tcp.1.a", "tcp.1.b"], batch.Submissions.Select(s => s.SubmissionId));
        var partial = batch.Submissions[1];
        Assert.Equal(("saf-week1", "tcp.1", "It is fast.", 0.5, "Speed is not a guarantee."), (partial.AssignmentId, partial.QuestionId, partial.Answer, partial.HumanScore, partial.HumanFeedback));
        Assert.Empty(files.Skipped);
    }

    [Fact]
    public void From_QuestionEveryTutorScoredZero_SkipsItNamingMaxScoreAndGradesTheRest()
    {
        var allZero = new SafQuestion("dns.1", "What does DNS do?", ["It maps names to addresses."], [new SafAnswer("dns.1.a", "Routing.", 0, "Incorrect", "No.")]);

        var files = SafBatch.From(new SafCorpus([allZero, Tcp], []), "saf");

        var skipped = Assert.Single(files.Skipped);
        Assert.Equal("dns.1", skipped.File);
        Assert.Contains("maxScore", skipped.Message, StringComparison.Ordinal);
        Assert.Contains("1 answers are not graded", skipped.Message, StringComparison.Ordinal);
        Assert.Equal("tcp.1", Assert.Single(AssignmentReader.Read(files.Assignment).Questions).Id);
    }

    [Fact]
    public void From_NoGradableQuestion_ThrowsNamingWhy()
    {
        var noReference = Tcp with { ReferenceAnswers = [] };

        var error = Assert.Throws<BatchFormatException>(() => SafBatch.From(new SafCorpus([noReference], []), "saf"));

        Assert.Contains("referenceAnswers", error.Message, StringComparison.Ordinal);
    }
}
