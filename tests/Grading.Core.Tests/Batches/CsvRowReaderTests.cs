using System.Text;
using Grading.Core.Batches;
using static Grading.Core.Tests.TestData;

namespace Grading.Core.Tests.Batches;

public class CsvRowReaderTests
{
    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [Theory]
    [MemberData(nameof(JsonlRowReaderTests.AnswersInAnyScript), MemberType = typeof(JsonlRowReaderTests))]
    public void Parse_AnswerInAnyScript_SurvivesByteExact(string answer)
    {
        var content = "submissionId,questionId,answer\ns1,q1," + Quote(answer) + "\n";

        var batch = ParseCsv(content);

        Assert.Empty(batch.Errors);
        Assert.Equal(Encoding.UTF8.GetBytes(answer), Encoding.UTF8.GetBytes(Assert.Single(batch.Submissions).Answer));
    }

    [Fact]
    public void Parse_UnquotedNonLatinCells_SurviveByteExact()
    {
        var content = "submissionId,questionId,answer\ns1,q1,光合作用\ns2,q1,التمثيل الضوئي\ns3,q1,פוטוסינתזה 🌱\ns4,q1,cafe\u0301\n";

        var batch = ParseCsv(content);

        Assert.Empty(batch.Errors);
        Assert.Equal(new[] { "光合作用", "التمثيل الضوئي", "פוטוסינתזה 🌱", "cafe\u0301" }, batch.Submissions.Select(s => s.Answer));
    }

    [Fact]
    public void Parse_LeadingBom_IsAcceptedAndHeaderStillRecognised()
    {
        var content = Concat(Bom, Utf8("submissionId,questionId,answer\ns1,q1,yes\n"));

        var batch = BatchParser.Parse(content, BatchFormat.Csv, Assignment(), "a1");

        Assert.Empty(batch.Errors);
        Assert.Equal("s1", Assert.Single(batch.Submissions).SubmissionId);
    }

    [Fact]
    public void Parse_QuotedMultiLineAnswerWithCommasAndQuotes_IsOneRow()
    {
        const string answer = "First line, with a comma.\nSecond line says \"hello\".\r\nThird, \"quoted, with comma\" line.";
        var content = "submissionId,questionId,answer\ns1,q1," + Quote(answer) + "\ns2,q1,plain\n";

        var batch = ParseCsv(content);

        Assert.Empty(batch.Errors);
        Assert.Equal(new[] { answer, "plain" }, batch.Submissions.Select(s => s.Answer));
        Assert.Equal(new[] { 1, 2 }, batch.SubmissionRows);
    }

    [Fact]
    public void Parse_SemicolonDelimited_IsDetected()
    {
        var content = "submissionId;questionId;answer;humanScore\ns1;q1;Light, water and CO2;1.5\ns2;q1;\"quoted; with semicolon\";2\n";

        var batch = ParseCsv(content);

        Assert.Empty(batch.Errors);
        Assert.Equal(new[] { "Light, water and CO2", "quoted; with semicolon" }, batch.Submissions.Select(s => s.Answer));
        Assert.Equal(new double?[] { 1.5, 2 }, batch.Submissions.Select(s => s.HumanScore));
    }

    [Fact]
    public void Parse_TabDelimited_IsDetected()
    {
        var content = "submissionId\tquestionId\tanswer\ns1\tq1\tLight, water; and CO2\ns2\tq2\tThe nucleus\n";

        var batch = ParseCsv(content);

        Assert.Empty(batch.Errors);
        Assert.Equal(new[] { "Light, water; and CO2", "The nucleus" }, batch.Submissions.Select(s => s.Answer));
        Assert.Equal(new[] { "q1", "q2" }, batch.Submissions.Select(s => s.QuestionId));
    }

    [Theory]
    [InlineData("submission_id,question_id,answer,human_score,human_feedback")]
    [InlineData("Submission ID,Question ID,Answer,Human Score,Human Feedback")]
    [InlineData("SUBMISSION-ID,QUESTIONID,ANSWER,humanscore,HumanFeedback")]
    public void Parse_HeaderNamesInOtherSpellings_AreAccepted(string header)
    {
        var content = header + "\ns1,q1,Light energy,1.5,Nearly there\n";

        var batch = ParseCsv(content);

        Assert.Empty(batch.Errors);
        var s = Assert.Single(batch.Submissions);
        Assert.Equal(("s1", "q1", "Light energy", 1.5, "Nearly there"), (s.SubmissionId, s.QuestionId, s.Answer, s.HumanScore, s.HumanFeedback));
    }

    [Fact]
    public void Parse_UnknownExtraColumns_AreIgnored()
    {
        var content = "studentName,submissionId,questionId,answer,notes\nAda,s1,q1,yes,whatever\n";

        var batch = ParseCsv(content);

        Assert.Empty(batch.Errors);
        Assert.Equal("yes", Assert.Single(batch.Submissions).Answer);
    }

    [Theory]
    [InlineData("submissionId,questionId,answer,answer", "answer twice (columns 3 and 4)")]
    [InlineData("submissionId,questionId,answer,Answer", "answer twice (columns 3 and 4)")]
    [InlineData("submission_id,questionId,submissionId,answer", "submissionId twice (columns 1 and 3)")]
    public void Parse_HeaderNamesAFieldTwice_RejectsTheFile(string header, string named)
    {
        var error = Assert.Throws<BatchFormatException>(() => ParseCsv(header + "\ns1,q1,a,b\n"));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReferenceAnswerColumnRepeated_KeepsBoth()
    {
        var batch = ParseCsv("submissionId,questionId,question,referenceAnswer,referenceAnswer,maxScore,answer\ns1,qx,Name a colour.,red,blue,1,blue\n", assignment: null);

        Assert.Empty(batch.Errors);
        Assert.Equal(["red", "blue"], Assert.Single(batch.Questions).ReferenceAnswers);
    }

    [Fact]
    public void Parse_HeaderWithoutAnswerColumn_EveryRowIsAnswerError()
    {
        var content = "submissionId,questionId,humanScore\ns1,q1,1\ns2,q1,2\ns3,q2,0\n";

        var batch = ParseCsv(content);

        Assert.Empty(batch.Submissions);
        Assert.Equal(3, batch.Errors.Count);
        Assert.All(batch.Errors, e => Assert.Equal(FieldNames.Answer, e.Field));
        Assert.Equal(new[] { 1, 2, 3 }, batch.Errors.Select(e => e.Row));
        Assert.Equal(new[] { "s1", "s2", "s3" }, batch.Errors.Select(e => e.SubmissionId));
    }

    [Fact]
    public void Parse_HeaderWithoutSubmissionIdColumn_EveryRowIsSubmissionIdError()
    {
        var content = "questionId,answer\nq1,a\nq1,b\n";

        var batch = ParseCsv(content);

        Assert.Empty(batch.Submissions);
        Assert.Equal(2, batch.Errors.Count);
        Assert.All(batch.Errors, e => Assert.Equal((null, FieldNames.SubmissionId), (e.SubmissionId, e.Field)));
    }

    public static TheoryData<byte[]> InvalidUtf8() => new()
    {
        new byte[] { 0xC3, 0x28 },
        new byte[] { 0xFF },
        new byte[] { 0xFE, 0xFE },
        new byte[] { 0xE2, 0x82 },
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8))]
    public void Parse_InvalidUtf8InOneCell_OnlyThatRowIsErrorNamingTheCell(byte[] bad)
    {
        var content = Concat(
            Utf8("submissionId,questionId,answer\n"),
            Utf8("s1,q1,good\n"),
            Utf8("s2,q1,bad "), bad, Utf8(" cell\n"),
            Utf8("s3,q1,光合作用\n"));

        var batch = BatchParser.Parse(content, BatchFormat.Csv, Assignment(), "a1");

        Assert.Equal(new[] { "s1", "s3" }, batch.Submissions.Select(s => s.SubmissionId));
        Assert.Equal("光合作用", batch.Submissions[1].Answer);
        var error = SingleError(batch);
        Assert.Equal((2, "s2", FieldNames.Answer), (error.Row, error.SubmissionId, error.Field));
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidUtf8InSubmissionIdCell_IsSubmissionIdError()
    {
        var content = Concat(Utf8("submissionId,questionId,answer\ns"), [0xFF], Utf8(",q1,a\ns2,q1,b\n"));

        var batch = BatchParser.Parse(content, BatchFormat.Csv, Assignment(), "a1");

        Assert.Equal("s2", Assert.Single(batch.Submissions).SubmissionId);
        var error = SingleError(batch);
        Assert.Equal((1, null, FieldNames.SubmissionId), (error.Row, error.SubmissionId, error.Field));
    }

    [Fact]
    public void Parse_RowWithMoreFieldsThanHeader_IsRowError()
    {
        var content = "submissionId,questionId,answer\ns1,q1,fine\ns2,q1,unquoted, comma\ns3,q1,also fine\n";

        var batch = ParseCsv(content);

        Assert.Equal(new[] { "s1", "s3" }, batch.Submissions.Select(s => s.SubmissionId));
        var error = SingleError(batch);
        Assert.Equal((2, "s2", FieldNames.Row), (error.Row, error.SubmissionId, error.Field));
        Assert.Contains("4 fields but the header has 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RowWithFewerFieldsThanHeader_MissingCellsAreMissingFields()
    {
        var content = "submissionId,questionId,answer\ns1,q1\ns2,q1,ok\n";

        var batch = ParseCsv(content);

        Assert.Equal("s2", Assert.Single(batch.Submissions).SubmissionId);
        var error = SingleError(batch);
        Assert.Equal((1, "s1", FieldNames.Answer), (error.Row, error.SubmissionId, error.Field));
    }

    [Fact]
    public void Parse_QuoteInsideUnquotedField_IsRowErrorOthersParse()
    {
        var content = "submissionId,questionId,answer\ns1,q1,fine\ns2,q1,he said \"hi\" there\ns3,q1,also fine\n";

        var batch = ParseCsv(content);

        Assert.Equal(new[] { "s1", "s3" }, batch.Submissions.Select(s => s.SubmissionId));
        var error = SingleError(batch);
        Assert.Equal((2, "s2", FieldNames.Row), (error.Row, error.SubmissionId, error.Field));
        Assert.Contains("malformed CSV", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TabDelimitedWithBomAndCrlf_IsDetected()
    {
        var content = Concat(Bom, Utf8("submission_id\tquestion_id\tanswer\r\ns1\tq1\t光合作用, 即\r\ns2\tq1\t\"multi\r\nline\"\r\n"));

        var batch = BatchParser.Parse(content, BatchFormat.Csv, Assignment(), "a1");

        Assert.Empty(batch.Errors);
        Assert.Equal(new[] { "光合作用, 即", "multi\r\nline" }, batch.Submissions.Select(s => s.Answer));
    }

    [Fact]
    public void Parse_HeaderOnly_HasNoRowsAndNoErrors()
    {
        var batch = ParseCsv("submissionId,questionId,answer\n");

        Assert.Equal(0, batch.RowCount);
        Assert.Empty(batch.Submissions);
        Assert.Empty(batch.Errors);
    }

    [Fact]
    public void Read_RowNumbersCountDataRecordsNotLines()
    {
        var rows = CsvRowReader.Read(Utf8("submissionId,answer\ns1,\"two\nlines\"\ns2,one\n"));

        Assert.Equal(new[] { 1, 2 }, rows.Select(r => r.Row));
        Assert.Equal("two\nlines", rows[0].Get(FieldNames.Answer));
    }
}
