using Grading.Cli.Commands;
using Grading.Core.Batches;

namespace Grading.Cli.Tests.Commands;

public sealed class LabelledDataTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("labelled-data-").FullName;

    [Fact]
    public void FormatOf_DirectoryWithoutFormat_IsSaf()
    {
        Assert.Equal("saf", LabelledData.FormatOf(null, _folder));
    }

    [Theory]
    [InlineData("rows.csv", "{\"not\":\"json\"}", "csv")]
    [InlineData("rows.jsonl", "submissionId,answer", "jsonl")]
    [InlineData("rows.txt", "{\"submissionId\":\"s1\"}", "jsonl")]
    [InlineData("rows.txt", "submissionId,answer", "csv")]
    public void FormatOf_FileWithoutFormat_FollowsExtensionThenContent(string name, string content, string expected)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);

        Assert.Equal(expected, LabelledData.FormatOf(null, path));
    }

    [Fact]
    public void FormatOf_NamedFormat_WinsOverThePath()
    {
        var path = Path.Combine(_folder, "rows.csv");
        File.WriteAllText(path, "submissionId,answer");

        Assert.Equal("jsonl", LabelledData.FormatOf("jsonl", path));
    }

    [Fact]
    public void FormatOf_MissingPath_ThrowsNamingThePath()
    {
        var path = Path.Combine(_folder, "nope.csv");

        var error = Assert.Throws<BatchFormatException>(() => LabelledData.FormatOf(null, path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingAssignment_ThrowsNamingTheAssignmentFile()
    {
        var rows = Path.Combine(_folder, "rows.csv");
        File.WriteAllText(rows, "submissionId,questionId,answer,humanScore\ns1,q1,Because,1\n");
        var assignment = Path.Combine(_folder, "no-assignment.json");

        var error = Assert.Throws<AssignmentFormatException>(() => LabelledData.Load("csv", rows, assignment));

        Assert.Equal($"The assignment file '{assignment}' does not exist.", error.Message);
    }

    [Fact]
    public void Load_SafAnswerWithoutTutorScore_LeavesItOutNamingIt()
    {
        var saf = Directory.CreateDirectory(Path.Combine(_folder, "saf")).FullName;
        File.WriteAllText(Path.Combine(saf, "q1.xml"), """
            <question id="q1"><questionText>Why?</questionText>
              <referenceAnswers><referenceAnswer id="r">Because.</referenceAnswer></referenceAnswers>
              <studentAnswers>
                <studentAnswer id="q1.1"><response>Because.</response><score>1</score></studentAnswer>
                <studentAnswer id="q1.2"><response>No idea.</response></studentAnswer>
              </studentAnswers></question>
            """);

        var (questions, skipped) = LabelledData.Load("saf", saf, null);

        Assert.Equal(["q1.1"], Assert.Single(questions).Answers.Select(answer => answer.Id));
        Assert.Equal("question q1: answer q1.2: score: no tutor score; not used to train or evaluate", Assert.Single(skipped));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
