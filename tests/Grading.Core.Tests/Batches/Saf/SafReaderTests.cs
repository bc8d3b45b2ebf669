using System.Text;
using Grading.Core.Batches;
using Grading.Core.Batches.Saf;

namespace Grading.Core.Tests.Batches.Saf;

public sealed class SafReaderTests
{
    private static readonly string SampleDirectory = Path.Combine(AppContext.BaseDirectory, "samples", "saf-mini");

    [Fact]
    public void ReadDirectory_SafMiniSample_ReadsEveryQuestionAndAnswer()
    {
        var corpus = SafReader.ReadDirectory(SampleDirectory);

        Assert.Empty(corpus.Errors);
        Assert.Equal(["m1", "m2", "m3"], corpus.Questions.Select(q => q.Id));
        Assert.Equal(24, corpus.AnswerCount);
        var hub = corpus.Questions.Single(q => q.Id == "m2");
        Assert.Single(hub.ReferenceAnswers);
        Assert.Equal("m2.3", hub.Answers[2].Id);
        Assert.Equal(0.5, hub.Answers[2].Score);
        Assert.Equal("Partially correct", hub.Answers[2].Label);
        Assert.StartsWith("Too vague", hub.Answers[2].Feedback);
    }

    [Fact]
    public void MaxScore_NoMaxScoreField_IsTheHighestObservedScore()
    {
        var corpus = SafReader.ReadDirectory(SampleDirectory);

        Assert.Equal(2.0, corpus.Questions.Single(q => q.Id == "m2").MaxScore);
        Assert.Equal(1.0, corpus.Questions.Single(q => q.Id == "m1").ToQuestion().MaxScore);
    }

    [Fact]
    public void ReadFile_BadScore_SkipsThatAnswerAndNamesIt()
    {
        var errors = new List<SafReadError>();
        var question = SafReader.ReadFile(Xml(
            """
            <question id="q9"><questionText>Why?</questionText>
              <referenceAnswers><referenceAnswer id="r">Because.</referenceAnswer></referenceAnswers>
              <studentAnswers>
                <studentAnswer id="q9.1"><response>ok</response><score>abc</score></studentAnswer>
                <studentAnswer id="q9.2"><response>fine</response><score>1.5</score><verification_feedback>Correct</verification_feedback></studentAnswer>
              </studentAnswers></question>
            """), "q9.xml", errors);

        Assert.NotNull(question);
        Assert.Equal(["q9.2"], question.Answers.Select(a => a.Id));
        var error = Assert.Single(errors);
        Assert.Equal(("q9.xml", "q9.1", "score"), (error.File, error.AnswerId, error.Field));
        Assert.Contains("'abc'", error.Message);
    }

    [Fact]
    public void ReadFile_AnswerWithoutScore_ReadsItUnscoredAndInfersMaxScoreFromTheOthers()
    {
        var errors = new List<SafReadError>();
        var question = SafReader.ReadFile(Xml(
            """
            <question id="q9"><questionText>Why?</questionText>
              <referenceAnswers><referenceAnswer id="r">Because.</referenceAnswer></referenceAnswers>
              <studentAnswers>
                <studentAnswer id="q9.1"><response>ok</response></studentAnswer>
                <studentAnswer id="q9.2"><response>fine</response><score>1.5</score></studentAnswer>
                <studentAnswer id="q9.3"><response>maybe</response><score> </score></studentAnswer>
              </studentAnswers></question>
            """), "q9.xml", errors);

        Assert.Empty(errors);
        Assert.NotNull(question);
        Assert.Equal([null, 1.5, null], question.Answers.Select(a => a.Score));
        Assert.Equal(1.5, question.MaxScore);
        Assert.Null(question.ToSubmissions("a").First().HumanScore);
    }

    [Fact]
    public void ReadFile_NoAnswerScored_ReportsThatMaxScoreCannotBeInferred()
    {
        var errors = new List<SafReadError>();

        var question = SafReader.ReadFile(Xml(
            """
            <question id="q9"><questionText>Why?</questionText>
              <referenceAnswers><referenceAnswer id="r">Because.</referenceAnswer></referenceAnswers>
              <studentAnswers><studentAnswer id="q9.1"><response>ok</response></studentAnswer></studentAnswers></question>
            """), "q9.xml", errors);

        Assert.Null(question);
        var error = Assert.Single(errors);
        Assert.Equal(("q9.xml", "studentAnswers"), (error.File, error.Field));
        Assert.Contains("none of its 1 answers has a tutor score", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_NotXml_ReportsTheFileAndReturnsNull()
    {
        var errors = new List<SafReadError>();

        var question = SafReader.ReadFile(Xml("<question><oops"), "broken.xml", errors);

        Assert.Null(question);
        Assert.Equal("broken.xml", Assert.Single(errors).File);
    }

    [Fact]
    public void ReadFile_NoGradedAnswer_ReportsThatMaxScoreCannotBeInferred()
    {
        var errors = new List<SafReadError>();

        var question = SafReader.ReadFile(Xml("<question id='x'><questionText>Why?</questionText><studentAnswers/></question>"), "x.xml", errors);

        Assert.Null(question);
        Assert.Contains("max score", Assert.Single(errors).Message);
    }

    [Fact]
    public void ReadDirectory_MissingDirectory_Throws()
    {
        Assert.Throws<BatchFormatException>(() => SafReader.ReadDirectory(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));
    }

    private static MemoryStream Xml(string text) => new(Encoding.UTF8.GetBytes(text));
}
