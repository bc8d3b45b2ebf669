using System.Text;
using Grading.Core.Batches;
using Grading.Core.Domain;
using static Grading.Core.Tests.TestData;

namespace Grading.Core.Tests.Batches;

public class AssignmentReaderTests
{
    private static Assignment Valid() => new(
        "bio-101",
        [
            new Question(
                "q1",
                "光合作用是什么？ What is photosynthesis?",
                ["Plants turn light into chemical energy.", "Light → glucose"],
                4,
                [new RubricCriterion("c1", "Mentions light", 1.5), new RubricCriterion("c2", "Mentions chemical energy", 2.5)],
                [new GradedExample("Light to sugar", 3, "Mostly right"), new GradedExample("No idea", 0)]),
            new Question("q2", "Name an organelle.", ["The mitochondrion."], 1),
        ],
        "Biology — unit 1");

    private static string Problems(string json)
    {
        var e = Assert.Throws<AssignmentFormatException>(() => AssignmentReader.Read(Encoding.UTF8.GetBytes(json)));
        return e.Message;
    }

    [Fact]
    public void Read_WhatWriteWrote_RoundTrips()
    {
        var original = Valid();

        var read = AssignmentReader.Read(AssignmentReader.Write(original));

        Assert.Equal((original.Id, original.Title), (read.Id, read.Title));
        Assert.Equal(original.Questions.Count, read.Questions.Count);
        for (var i = 0; i < original.Questions.Count; i++)
        {
            var (a, b) = (original.Questions[i], read.Questions[i]);
            Assert.Equal((a.Id, a.Text, a.MaxScore), (b.Id, b.Text, b.MaxScore));
            Assert.Equal(a.ReferenceAnswers, b.ReferenceAnswers);
            Assert.Equal(a.CriteriaOrEmpty, b.CriteriaOrEmpty);
            Assert.Equal(a.ExamplesOrEmpty, b.ExamplesOrEmpty);
        }

        Assert.Equal(AssignmentReader.Write(original), AssignmentReader.Write(read));
    }

    [Fact]
    public void Write_UsesCamelCaseKeepsNonLatinAndOmitsDerivedProperties()
    {
        var json = Encoding.UTF8.GetString(AssignmentReader.Write(Valid()));

        Assert.Contains("\"referenceAnswers\"", json, StringComparison.Ordinal);
        Assert.Contains("\"maxScore\"", json, StringComparison.Ordinal);
        Assert.Contains("光合作用是什么", json, StringComparison.Ordinal);
        Assert.DoesNotContain("OrEmpty", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Read_MinimalFileWithoutCriteriaOrExamples_IsAccepted()
    {
        const string json = """{"id":"a1","questions":[{"id":"q1","text":"Why?","referenceAnswers":["Because."],"maxScore":2}]}""";

        var assignment = AssignmentReader.Read(Encoding.UTF8.GetBytes(json));

        var q = Assert.Single(assignment.Questions);
        Assert.Equal(("q1", 2.0), (q.Id, q.MaxScore));
        Assert.Empty(q.CriteriaOrEmpty);
        Assert.Empty(q.ExamplesOrEmpty);
    }

    [Fact]
    public void Read_MissingId_UsesFallbackId()
    {
        const string json = """{"questions":[{"id":"q1","text":"Why?","referenceAnswers":["Because."],"maxScore":2}]}""";

        var assignment = AssignmentReader.Read(Encoding.UTF8.GetBytes(json), fallbackId: "from-file-name");

        Assert.Equal("from-file-name", assignment.Id);
    }

    [Fact]
    public void Read_MissingIdAndNoFallback_ListsIdProblem()
    {
        var message = Problems("""{"questions":[{"id":"q1","text":"Why?","referenceAnswers":["Because."],"maxScore":2}]}""");

        Assert.Contains("id '' is not valid", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"a1"}""")]
    [InlineData("""{"id":"a1","questions":[]}""")]
    [InlineData("""{"id":"a1","questions":null}""")]
    public void Read_NoQuestions_ListsProblem(string json)
    {
        Assert.Contains("it has no questions", Problems(json), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateQuestionId_ListsProblem()
    {
        var message = Problems("""
            {"id":"a1","questions":[
              {"id":"q1","text":"A?","referenceAnswers":["a"],"maxScore":1},
              {"id":"q1","text":"B?","referenceAnswers":["b"],"maxScore":1}]}
            """);

        Assert.Contains("questions[1].id 'q1' is used twice", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("\"NaN\"")]
    public void Read_MaxScoreNotAboveZero_ListsProblem(string maxScore)
    {
        var message = Problems($$"""{"id":"a1","questions":[{"id":"q1","text":"A?","referenceAnswers":["a"],"maxScore":{{maxScore}}}]}""");

        Assert.Contains("questions[0].maxScore must be a number greater than zero", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CriteriaPointsNotSummingToMaxScore_ListsProblem()
    {
        var message = Problems("""
            {"id":"a1","questions":[{"id":"q1","text":"A?","referenceAnswers":["a"],"maxScore":5,
              "criteria":[{"id":"c1","description":"x","points":2},{"id":"c2","description":"y","points":2}]}]}
            """);

        Assert.Contains("criteria points add up to 4, not maxScore 5", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CriteriaWithNonPositivePoints_ListsProblem()
    {
        var message = Problems("""
            {"id":"a1","questions":[{"id":"q1","text":"A?","referenceAnswers":["a"],"maxScore":2,
              "criteria":[{"id":"c1","description":"x","points":3},{"id":"c2","description":"y","points":-1}]}]}
            """);

        Assert.Contains("criteria points must be numbers greater than zero", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CriteriaSummingToMaxScoreWithFractions_IsAccepted()
    {
        // 0.1 + 0.2 is 0.30000000000000004 in binary floating point; the tolerance must absorb that.
        const string json = """
            {"id":"a1","questions":[{"id":"q1","text":"A?","referenceAnswers":["a"],"maxScore":0.3,
              "criteria":[{"id":"c1","description":"x","points":0.1},{"id":"c2","description":"y","points":0.2}]}]}
            """;

        Assert.Equal(2, AssignmentReader.Read(Encoding.UTF8.GetBytes(json)).Questions[0].CriteriaOrEmpty.Count);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("3")]
    public void Read_ExampleScoreOutOfRange_ListsProblem(string score)
    {
        var message = Problems($$"""
            {"id":"a1","questions":[{"id":"q1","text":"A?","referenceAnswers":["a"],"maxScore":2,
              "examples":[{"answer":"ok","score":1},{"answer":"bad","score":{{score}}}]}]}
            """);

        Assert.Contains($"examples score {score} is outside [0, 2]", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"id\":\"a1\",}")]
    [InlineData("not json")]
    [InlineData("{\"id\":\"a1\",\"questions\":{\"q1\":{}}}")]
    public void Read_InvalidJson_SaysNotValidJson(string json)
    {
        Assert.StartsWith("The assignment is not valid JSON", Problems(json), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_JsonNull_SaysEmpty()
    {
        Assert.Contains("empty", Problems("null"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e300", "must be at most 10,000")]
    [InlineData("0.0001", "must be at least 0.001")]
    [InlineData("2.0005", "must be a whole number of 0.001 points")]
    public void Read_MaxScoreOutOfRangeOrStep_ListsProblem(string maxScore, string problem)
    {
        var message = Problems($$"""{"id":"a1","questions":[{"id":"q1","text":"A?","referenceAnswers":["a"],"maxScore":{{maxScore}}}]}""");

        Assert.Contains("questions[0].maxScore " + problem, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SeveralProblems_ListsEveryOne()
    {
        var message = Problems("""
            {"id":"../a","questions":[
              {"id":"q 1","text":"","referenceAnswers":[],"maxScore":0},
              {"id":"q2","text":"B?","referenceAnswers":["b", " "],"maxScore":1}]}
            """);

        Assert.Contains("id '../a' is not valid", message, StringComparison.Ordinal);
        Assert.Contains("questions[0].id 'q 1' is not valid", message, StringComparison.Ordinal);
        Assert.Contains("questions[0].text is missing", message, StringComparison.Ordinal);
        Assert.Contains("questions[0].referenceAnswers needs at least one non-empty answer", message, StringComparison.Ordinal);
        Assert.Contains("questions[0].maxScore must be a number greater than zero", message, StringComparison.Ordinal);
        Assert.Contains("questions[1].referenceAnswers needs at least one non-empty answer", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingQuestionFields_ListsProblemsInsteadOfCrashing()
    {
        var message = Problems("""{"id":"a1","questions":[{"maxScore":1}]}""");

        Assert.Contains("questions[0].id", message, StringComparison.Ordinal);
        Assert.Contains("questions[0].text is missing", message, StringComparison.Ordinal);
        Assert.Contains("questions[0].referenceAnswers", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AssignmentFromFile_WorksWithBatchParser()
    {
        var assignment = AssignmentReader.Read(AssignmentReader.Write(Valid()));

        var batch = BatchParser.Parse(Utf8("""{"submissionId":"s1","questionId":"q1","answer":"Light","humanScore":4}"""), BatchFormat.Jsonl, assignment, "x");

        Assert.Empty(batch.Errors);
        Assert.Equal(4, Assert.Single(batch.Submissions).HumanScore);
    }
}
