using Grading.Core.Batches;
using Grading.Core.Domain;
using static Grading.Core.Tests.TestData;

namespace Grading.Core.Tests.Batches;

public class RowValidatorTests
{
    private const string GoodFirst = """{"submissionId":"ok1","questionId":"q1","answer":"Light energy."}""";
    private const string GoodLast = """{"submissionId":"ok3","questionId":"q2","answer":"Mitochondrion."}""";

    /// <summary>Puts the bad line between two good ones and checks the good ones still come through.</summary>
    private static RowError BadJsonlRow(string badLine)
    {
        var batch = ParseJsonl(GoodFirst + "\n" + badLine + "\n" + GoodLast + "\n");

        Assert.Equal(new[] { "ok1", "ok3" }, batch.Submissions.Select(s => s.SubmissionId));
        Assert.Equal(new[] { 1, 3 }, batch.SubmissionRows);
        var error = SingleError(batch);
        Assert.Equal(2, error.Row);
        return error;
    }

    private static RowError BadCsvRow(string header, string badRow, string goodFirst, string goodLast)
    {
        var batch = ParseCsv(header + "\n" + goodFirst + "\n" + badRow + "\n" + goodLast + "\n");

        Assert.Equal(new[] { "ok1", "ok3" }, batch.Submissions.Select(s => s.SubmissionId));
        var error = SingleError(batch);
        Assert.Equal(2, error.Row);
        return error;
    }

    [Theory]
    [InlineData("""{"questionId":"q1","answer":"no id"}""")]
    [InlineData("""{"submissionId":"","questionId":"q1","answer":"empty id"}""")]
    [InlineData("""{"submissionId":"   ","questionId":"q1","answer":"blank id"}""")]
    public void Validate_JsonlRowMissingSubmissionId_IsSubmissionIdError(string line)
    {
        var error = BadJsonlRow(line);

        Assert.Equal((null, FieldNames.SubmissionId), (error.SubmissionId, error.Field));
        Assert.Contains("required", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"submissionId":"s2","questionId":"q1","answer":""}""", "empty")]
    [InlineData("""{"submissionId":"s2","questionId":"q1","answer":"   "}""", "empty")]
    [InlineData("""{"submissionId":"s2","questionId":"q1","answer":" \t\r\n \u3000 "}""", "empty")]
    [InlineData("""{"submissionId":"s2","questionId":"q1"}""", "missing")]
    [InlineData("""{"submissionId":"s2","questionId":"q1","answer":"bin\u0000ary"}""", "NUL")]
    public void Validate_EmptyWhitespaceOrMissingAnswer_IsAnswerError(string line, string messagePart)
    {
        var error = BadJsonlRow(line);

        Assert.Equal(("s2", FieldNames.Answer), (error.SubmissionId, error.Field));
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s2,q1,")]
    [InlineData("s2,q1,\"\"")]
    [InlineData("s2,q1,   ")]
    [InlineData("s2,q1,\"\t  \"")]
    public void Validate_CsvEmptyOrWhitespaceAnswer_IsAnswerError(string row)
    {
        var error = BadCsvRow("submissionId,questionId,answer", row, "ok1,q1,yes", "ok3,q2,no");

        Assert.Equal(("s2", FieldNames.Answer), (error.SubmissionId, error.Field));
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "greater than zero")]
    [InlineData("-2", "greater than zero")]
    [InlineData("-0.5", "greater than zero")]
    [InlineData("\"abc\"", "not a number")]
    [InlineData("\"NaN\"", "not a number")]
    [InlineData("\"Infinity\"", "not a number")]
    [InlineData("\"-Infinity\"", "not a number")]
    [InlineData("1e400", "not a number")]
    [InlineData("1e300", "at most 10,000")]
    [InlineData("10000.5", "at most 10,000")]
    [InlineData("1e-9", "at least 0.001")]
    [InlineData("3.14159", "whole number of 0.001 points")]
    [InlineData("\"\"", "required when the question is given inline")]
    public void Validate_BadMaxScore_IsMaxScoreError(string maxScoreJson, string messagePart)
    {
        var line = $$"""{"submissionId":"s2","question":"Why?","referenceAnswer":"Because.","maxScore":{{maxScoreJson}},"answer":"a"}""";

        var error = BadJsonlRow(line);

        Assert.Equal(("s2", FieldNames.MaxScore), (error.SubmissionId, error.Field));
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("∞")]
    public void Validate_CsvBadMaxScore_IsMaxScoreError(string maxScore)
    {
        var error = BadCsvRow(
            "submissionId,questionId,question,referenceAnswer,maxScore,answer",
            $"s2,qx,Why?,Because.,{maxScore},a",
            "ok1,q1,,,,yes",
            "ok3,q2,,,,no");

        Assert.Equal(("s2", FieldNames.MaxScore), (error.SubmissionId, error.Field));
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("0.125")]
    [InlineData("2.5")]
    [InlineData("0.3")]
    [InlineData("10000")]
    public void Validate_InlineMaxScoreInRangeAndStep_IsAccepted(string maxScore)
    {
        var batch = ParseJsonl($$"""{"submissionId":"s1","question":"Why?","referenceAnswer":"Because.","maxScore":{{maxScore}},"answer":"a"}""");

        Assert.Empty(batch.Errors);
        Assert.Equal(double.Parse(maxScore, System.Globalization.CultureInfo.InvariantCulture), batch.Questions.Single().MaxScore);
    }

    [Fact]
    public void Validate_MaxScoreDiffersFromAssignmentQuestion_IsMaxScoreError()
    {
        var error = BadJsonlRow("""{"submissionId":"s2","questionId":"q1","maxScore":10,"answer":"a"}""");

        Assert.Equal(("s2", FieldNames.MaxScore), (error.SubmissionId, error.Field));
        Assert.Contains("differs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MaxScoreEqualToAssignmentQuestion_IsAccepted()
    {
        var batch = ParseJsonl("""{"submissionId":"s1","questionId":"q1","maxScore":"2.0","answer":"a"}""");

        Assert.Empty(batch.Errors);
        Assert.Single(batch.Submissions);
    }

    [Fact]
    public void Validate_QuestionIdTheAssignmentLacks_IsQuestionIdError()
    {
        var error = BadJsonlRow("""{"submissionId":"s2","questionId":"q9","answer":"a"}""");

        Assert.Equal(("s2", FieldNames.QuestionId), (error.SubmissionId, error.Field));
        Assert.Contains("'q9'", error.Message, StringComparison.Ordinal);
        Assert.Contains("bio-101", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_QuestionIdIsCaseSensitive_IsQuestionIdError()
    {
        var error = BadJsonlRow("""{"submissionId":"s2","questionId":"Q1","answer":"a"}""");

        Assert.Equal(FieldNames.QuestionId, error.Field);
    }

    [Fact]
    public void Validate_NoQuestionIdAndNoInlineQuestion_IsQuestionIdError()
    {
        var error = BadJsonlRow("""{"submissionId":"s2","answer":"a"}""");

        Assert.Equal(("s2", FieldNames.QuestionId), (error.SubmissionId, error.Field));
    }

    [Fact]
    public void Validate_NoAssignmentAndUnknownQuestionId_IsQuestionIdError()
    {
        var batch = BatchParser.Parse(Utf8("""{"submissionId":"s1","questionId":"q1","answer":"a"}"""), BatchFormat.Jsonl, assignment: null, "a1");

        var error = SingleError(batch);
        Assert.Equal(FieldNames.QuestionId, error.Field);
        Assert.Contains("no assignment was given", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateSubmissionId_SecondRejectedFirstKeptMessageNamesFirstRow()
    {
        var content = """
            {"submissionId":"s1","questionId":"q1","answer":"first"}
            {"submissionId":"s2","questionId":"q1","answer":"other"}
            {"submissionId":"s1","questionId":"q2","answer":"second"}
            """;

        var batch = ParseJsonl(content);

        Assert.Equal(new[] { "first", "other" }, batch.Submissions.Select(s => s.Answer));
        var error = SingleError(batch);
        Assert.Equal((3, "s1", FieldNames.SubmissionId), (error.Row, error.SubmissionId, error.Field));
        Assert.Contains("duplicate", error.Message, StringComparison.Ordinal);
        Assert.Contains("row 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CsvDuplicateSubmissionIdWithSurroundingSpaces_IsDuplicate()
    {
        var batch = ParseCsv("submissionId,questionId,answer\ns1,q1,first\n s1 ,q1,second\n");

        Assert.Equal("first", Assert.Single(batch.Submissions).Answer);
        var error = SingleError(batch);
        Assert.Equal((2, "s1", FieldNames.SubmissionId), (error.Row, error.SubmissionId, error.Field));
        Assert.Contains("row 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("a\\\\b")]
    [InlineData("..")]
    [InlineData("a b")]
    [InlineData(".hidden")]
    [InlineData("-dash")]
    [InlineData("a..b")]
    [InlineData("名前")]
    [InlineData("s1\\u0000")]
    public void Validate_SubmissionIdWithPathTricks_IsSubmissionIdErrorWithoutEchoingTheId(string id)
    {
        var error = BadJsonlRow($$"""{"submissionId":"{{id}}","questionId":"q1","answer":"a"}""");

        Assert.Equal((null, FieldNames.SubmissionId), (error.SubmissionId, error.Field));
        Assert.Contains("not a valid id", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("a b")]
    [InlineData(".q")]
    public void Validate_QuestionIdWithPathTricks_IsQuestionIdError(string id)
    {
        var error = BadJsonlRow($$"""{"submissionId":"s2","questionId":"{{id}}","answer":"a"}""");

        Assert.Equal(("s2", FieldNames.QuestionId), (error.SubmissionId, error.Field));
        Assert.Contains("not a valid id", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("a b")]
    [InlineData(".a")]
    public void Validate_AssignmentIdWithPathTricks_IsAssignmentIdError(string id)
    {
        var error = BadJsonlRow($$"""{"submissionId":"s2","assignmentId":"{{id}}","questionId":"q1","answer":"a"}""");

        Assert.Equal(("s2", FieldNames.AssignmentId), (error.SubmissionId, error.Field));
    }

    [Fact]
    public void Validate_CsvIdsWithPathTricks_NameTheRightField()
    {
        var content = "submissionId,assignmentId,questionId,answer\n../x,a1,q1,a\ns2,a/b,q1,b\ns3,a1,..,c\ns4,a1,q1,d\n";

        var batch = ParseCsv(content);

        Assert.Equal("s4", Assert.Single(batch.Submissions).SubmissionId);
        Assert.Equal(
            new (int, string?, string)[] { (1, null, FieldNames.SubmissionId), (2, "s2", FieldNames.AssignmentId), (3, "s3", FieldNames.QuestionId) },
            batch.Errors.Select(e => (e.Row, e.SubmissionId, e.Field)));
    }

    [Fact]
    public void Validate_DefaultAssignmentIdInvalid_IsAssignmentIdError()
    {
        var batch = BatchParser.Parse(
            Utf8("""{"submissionId":"s1","question":"Q?","referenceAnswer":"R","maxScore":1,"answer":"a"}"""),
            BatchFormat.Jsonl,
            assignment: null,
            "../escape");

        Assert.Equal(FieldNames.AssignmentId, SingleError(batch).Field);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("-0.01")]
    [InlineData("2.01")]
    [InlineData("3")]
    [InlineData("\"abc\"")]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    public void Validate_HumanScoreOutsideZeroToMaxScore_IsHumanScoreError(string humanScoreJson)
    {
        var error = BadJsonlRow($$"""{"submissionId":"s2","questionId":"q1","answer":"a","humanScore":{{humanScoreJson}}}""");

        Assert.Equal(("s2", FieldNames.HumanScore), (error.SubmissionId, error.Field));
        Assert.Contains("[0, 2]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", 0.0)]
    [InlineData("2", 2.0)]
    [InlineData("1.25", 1.25)]
    [InlineData("\"1.5\"", 1.5)]
    public void Validate_HumanScoreWithinRange_IsKept(string humanScoreJson, double expected)
    {
        var batch = ParseJsonl($$"""{"submissionId":"s1","questionId":"q1","answer":"a","humanScore":{{humanScoreJson}}}""");

        Assert.Empty(batch.Errors);
        Assert.Equal(expected, Assert.Single(batch.Submissions).HumanScore);
    }

    [Fact]
    public void Validate_CsvHumanScoreUsesInvariantDecimalPoint()
    {
        // "1,5" in a semicolon file is not 1.5: invariant culture only.
        var batch = ParseCsv("submissionId;questionId;answer;humanScore\ns1;q2;a;1,5\ns2;q2;b;4.5\n");

        Assert.Equal(4.5, Assert.Single(batch.Submissions).HumanScore);
        Assert.Equal((1, FieldNames.HumanScore), (SingleError(batch).Row, SingleError(batch).Field));
    }

    [Fact]
    public void Validate_InlineQuestions_MakeASingleCsvEnough()
    {
        var content =
            "submissionId,questionId,question,referenceAnswer,maxScore,answer,humanScore\n" +
            "s1,q1,What is photosynthesis?,Plants turn light into chemical energy.,2,Light to sugar,2\n" +
            "s2,q1,What is photosynthesis?,Plants turn light into chemical energy.,2,No idea,0\n" +
            "s3,q2,Name an organelle.,The mitochondrion.,5,Nucleus,4\n" +
            "s4,q1,What is photosynthesis?,Plants turn light into chemical energy.,2,Sunlight,1\n";

        var batch = BatchParser.Parse(Utf8(content), BatchFormat.Csv, assignment: null, "bio-101");

        Assert.Empty(batch.Errors);
        Assert.Equal(4, batch.Submissions.Count);
        Assert.Equal(2, batch.Questions.Count);
        var q1 = batch.Questions.Single(q => q.Id == "q1");
        Assert.Equal(("What is photosynthesis?", 2.0), (q1.Text, q1.MaxScore));
        Assert.Equal(new[] { "Plants turn light into chemical energy." }, q1.ReferenceAnswers);
        Assert.Equal(5, batch.Questions.Single(q => q.Id == "q2").MaxScore);
        Assert.All(batch.Submissions, s => Assert.Equal("bio-101", s.AssignmentId));
    }

    [Fact]
    public void Validate_SameInlineQuestionOnManyRows_YieldsOneQuestionInstance()
    {
        var rows = string.Concat(Enumerable.Range(1, 50).Select(i => $"s{i},q1,Define osmosis.,Water moving across a membrane.,3,answer {i}\n"));
        var content = "submissionId,questionId,question,referenceAnswer,maxScore,answer\n" + rows;

        var batch = BatchParser.Parse(Utf8(content), BatchFormat.Csv, assignment: null, "a1");

        Assert.Empty(batch.Errors);
        Assert.Equal(50, batch.Submissions.Count);
        Assert.Equal("q1", Assert.Single(batch.Questions).Id);
    }

    [Fact]
    public void Validate_InlineQuestionWithoutId_GetsStableIdFromText()
    {
        var content =
            "submissionId,question,referenceAnswer,maxScore,answer\n" +
            "s1,Define osmosis.,Water moving across a membrane.,3,a\n" +
            "s2, Define osmosis. ,Water moving across a membrane.,3,b\n";

        var batch = BatchParser.Parse(Utf8(content), BatchFormat.Csv, assignment: null, "a1");

        Assert.Empty(batch.Errors);
        var question = Assert.Single(batch.Questions);
        Assert.Matches("^q-[0-9a-f]{8}$", question.Id);
        Assert.True(Identifiers.IsValid(question.Id));
        Assert.All(batch.Submissions, s => Assert.Equal(question.Id, s.QuestionId));
    }

    [Fact]
    public void Validate_LaterRowOnlyReferencesInlineQuestionById_ResolvesIt()
    {
        var content =
            "submissionId,questionId,question,referenceAnswer,maxScore,answer\n" +
            "s1,q7,Define osmosis.,Water moving across a membrane.,3,a\n" +
            "s2,q7,,,,b\n";

        var batch = BatchParser.Parse(Utf8(content), BatchFormat.Csv, assignment: null, "a1");

        Assert.Empty(batch.Errors);
        Assert.Equal(new[] { "q7", "q7" }, batch.Submissions.Select(s => s.QuestionId));
    }

    [Theory]
    [InlineData("s2,q1,Define diffusion.,Water moving across a membrane.,3,b")]
    [InlineData("s2,q1,Define osmosis.,Something else entirely.,3,b")]
    [InlineData("s2,q1,Define osmosis.,Water moving across a membrane.,4,b")]
    public void Validate_ConflictingInlineRedefinitionOfQuestionId_IsRowError(string conflicting)
    {
        var content =
            "submissionId,questionId,question,referenceAnswer,maxScore,answer\n" +
            "s1,q1,Define osmosis.,Water moving across a membrane.,3,a\n" +
            conflicting + "\n" +
            "s3,q1,Define osmosis.,Water moving across a membrane.,3,c\n";

        var batch = BatchParser.Parse(Utf8(content), BatchFormat.Csv, assignment: null, "a1");

        Assert.Equal(new[] { "s1", "s3" }, batch.Submissions.Select(s => s.SubmissionId));
        var question = Assert.Single(batch.Questions);
        Assert.Equal(("Define osmosis.", 3.0), (question.Text, question.MaxScore));
        var error = SingleError(batch);
        Assert.Equal((2, "s2", FieldNames.Question), (error.Row, error.SubmissionId, error.Field));
        Assert.Contains("row 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s2,q1,Define osmosis.,,3,b", FieldNames.ReferenceAnswer)]
    [InlineData("s2,q1,Define osmosis.,Water.,,b", FieldNames.MaxScore)]
    public void Validate_InlineQuestionMissingPart_IsRowErrorOnThatPart(string row, string field)
    {
        var content = "submissionId,questionId,question,referenceAnswer,maxScore,answer\n" + row + "\n";

        var batch = BatchParser.Parse(Utf8(content), BatchFormat.Csv, assignment: null, "a1");

        Assert.Equal((1, "s2", field), (SingleError(batch).Row, SingleError(batch).SubmissionId, SingleError(batch).Field));
    }

    [Fact]
    public void Validate_QuestionsList_HoldsOnlyQuestionsUsedByAcceptedRows()
    {
        var content = """
            {"submissionId":"s1","questionId":"q2","answer":"a"}
            {"submissionId":"s2","questionId":"q1","answer":""}
            """;

        var batch = ParseJsonl(content);

        Assert.Equal("q2", Assert.Single(batch.Questions).Id);
    }

    [Fact]
    public void Validate_RawRowsDirectly_ReadErrorBecomesRowError()
    {
        var validator = new RowValidator(Assignment(), "a1", BatchLimits.Default);
        var rows = new[]
        {
            new RawRow(1, new Dictionary<string, string> { [FieldNames.SubmissionId] = "s1", [FieldNames.QuestionId] = "q1", [FieldNames.Answer] = "a" }, []),
            new RawRow(2, new Dictionary<string, string>(), [], FieldNames.Answer, "must be a string or a number, found an object"),
        };

        var batch = validator.Validate(rows);

        Assert.Single(batch.Submissions);
        Assert.Equal(new RowError(2, null, FieldNames.Answer, "must be a string or a number, found an object"), SingleError(batch));
    }
}
