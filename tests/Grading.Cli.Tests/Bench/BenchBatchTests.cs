using Grading.Cli.Bench;
using Grading.Core.Batches;

namespace Grading.Cli.Tests.Bench;

public sealed class BenchBatchTests
{
    [Fact]
    public void Csv_Default_ShortDistinctAnswersToTheAssignmentsQuestions()
    {
        var batch = Parse(BenchBatch.Csv(300));

        Assert.Empty(batch.Errors);
        Assert.Equal(300, batch.Submissions.Count);
        Assert.Equal(300, batch.Submissions.Select(s => s.Answer).Distinct().Count());
        Assert.All(batch.Submissions, s => Assert.InRange(s.Answer.Length, 10, 150));
    }

    [Fact]
    public void Csv_MinAnswerCharacters_EveryAnswerIsAtLeastThatLongAndStillDistinct()
    {
        var batch = Parse(BenchBatch.Csv(300, minAnswerCharacters: 500));

        Assert.Empty(batch.Errors);
        Assert.Equal(300, batch.Submissions.Select(s => s.Answer).Distinct().Count());
        Assert.All(batch.Submissions, s => Assert.InRange(s.Answer.Length, 500, 600));
    }

    private static ParsedBatch Parse(byte[] csv) =>
        BatchParser.Parse(csv, BatchFormat.Csv, BenchBatch.Assignment("bench"), "bench");
}
