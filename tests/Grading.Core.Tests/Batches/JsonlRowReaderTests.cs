using System.Text;
using System.Text.Json;
using Grading.Core.Batches;
using static Grading.Core.Tests.TestData;

namespace Grading.Core.Tests.Batches;

public class JsonlRowReaderTests
{
    public static TheoryData<string> AnswersInAnyScript() => new()
    {
        "光合作用是植物把光能转化为化学能的过程。",            // Chinese
        "光合成は光エネルギーを化学エネルギーに変える。",        // Japanese
        "광합성은 빛 에너지를 화학 에너지로 바꾼다.",           // Korean
        "التمثيل الضوئي يحول الطاقة الضوئية إلى طاقة كيميائية", // Arabic (RTL)
        "פוטוסינתזה הופכת אור לאנרגיה כימית",                  // Hebrew (RTL)
        "mixed: English then עברית then 123 then العربية",    // bidi mix
        "🌱☀️➡️🍃 energy! 👩🏽‍🔬",                              // emoji incl. ZWJ sequence and skin tone
        "cafe\u0301 and n\u0303 and a\u030A",                  // combining characters, deliberately not NFC
        "café (precomposed) vs cafe\u0301 (decomposed)",
        "  leading and trailing spaces  ",
        "line one\nline two\r\nline three\ttabbed",
        "quotes \" and backslash \\ and <html> & 'single'",
    };

    [Theory]
    [MemberData(nameof(AnswersInAnyScript))]
    public void Parse_AnswerInAnyScript_SurvivesByteExact(string answer)
    {
        var line = JsonSerializer.Serialize(new { submissionId = "s1", questionId = "q1", answer });

        var batch = ParseJsonl(line + "\n");

        Assert.Empty(batch.Errors);
        var submission = Assert.Single(batch.Submissions);
        Assert.Equal(Encoding.UTF8.GetBytes(answer), Encoding.UTF8.GetBytes(submission.Answer));
    }

    [Fact]
    public void Parse_RawUtf8NotEscaped_SurvivesByteExact()
    {
        // Written by hand so the UTF-8 goes in raw rather than as \uXXXX escapes.
        const string answer = "漢字 مرحبا שלום 🎉 e\u0301";
        var content = Utf8("{\"submissionId\":\"s1\",\"questionId\":\"q1\",\"answer\":\"" + answer + "\"}\n");

        var batch = BatchParser.Parse(content, BatchFormat.Jsonl, Assignment(), "a1");

        Assert.Equal(Encoding.UTF8.GetBytes(answer), Encoding.UTF8.GetBytes(Assert.Single(batch.Submissions).Answer));
    }

    [Fact]
    public void Parse_LeadingBom_IsAcceptedAndNotPartOfFirstRow()
    {
        var content = Concat(Bom, Utf8("{\"submissionId\":\"s1\",\"questionId\":\"q1\",\"answer\":\"yes\"}\n{\"submissionId\":\"s2\",\"questionId\":\"q1\",\"answer\":\"no\"}\n"));

        var batch = BatchParser.Parse(content, BatchFormat.Jsonl, Assignment(), "a1");

        Assert.Empty(batch.Errors);
        Assert.Equal(new[] { "s1", "s2" }, batch.Submissions.Select(s => s.SubmissionId));
    }

    [Fact]
    public void Parse_CrlfAndBlankLines_RowNumberIsLineNumber()
    {
        var content = "{\"submissionId\":\"s1\",\"questionId\":\"q1\",\"answer\":\"a\"}\r\n\r\n   \r\n{\"submissionId\":\"s2\",\"questionId\":\"q1\",\"answer\":\"b\"}\r\n{\"submissionId\":\"s3\",\"questionId\":\"q1\"}";

        var batch = ParseJsonl(content);

        Assert.Equal(new[] { 1, 4 }, batch.SubmissionRows);
        Assert.Equal((5, "s3", FieldNames.Answer), (SingleError(batch).Row, SingleError(batch).SubmissionId, SingleError(batch).Field));
        Assert.Equal(3, batch.RowCount);
    }

    [Fact]
    public void Parse_PropertyNamesInOtherCases_AreMatched()
    {
        var content = """{"submission_id":"s1","QuestionId":"q1","ANSWER":"a","human-score":1.5,"humanFeedback":"ok","unknownExtra":{"x":1}}""";

        var batch = ParseJsonl(content);

        Assert.Empty(batch.Errors);
        var s = Assert.Single(batch.Submissions);
        Assert.Equal(("s1", "q1", "a", 1.5, "ok"), (s.SubmissionId, s.QuestionId, s.Answer, s.HumanScore, s.HumanFeedback));
    }

    [Fact]
    public void Parse_NumericSubmissionId_IsReadAsText()
    {
        var batch = ParseJsonl("""{"submissionId":12345,"questionId":"q1","answer":"a"}""");

        Assert.Equal("12345", Assert.Single(batch.Submissions).SubmissionId);
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]             // a 2-byte lead followed by a non-continuation byte
    [InlineData(new byte[] { 0xFF })]                   // never valid in UTF-8
    [InlineData(new byte[] { 0xE2, 0x82 })]             // truncated 3-byte sequence
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]       // an encoded UTF-16 surrogate
    [InlineData(new byte[] { 0xC0, 0xAF })]             // overlong '/'
    public void Parse_InvalidUtf8InOneLine_OnlyThatLineIsRowError(byte[] bad)
    {
        var content = Concat(
            Utf8("{\"submissionId\":\"s1\",\"questionId\":\"q1\",\"answer\":\"good\"}\n"),
            Utf8("{\"submissionId\":\"s2\",\"questionId\":\"q1\",\"answer\":\"bad "), bad, Utf8("\"}\n"),
            Utf8("{\"submissionId\":\"s3\",\"questionId\":\"q1\",\"answer\":\"good too\"}\n"));

        var batch = BatchParser.Parse(content, BatchFormat.Jsonl, Assignment(), "a1");

        Assert.Equal(new[] { "s1", "s3" }, batch.Submissions.Select(s => s.SubmissionId));
        var error = SingleError(batch);
        Assert.Equal((2, FieldNames.Row), (error.Row, error.Field));
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"submissionId\":\"s2\",\"questionId\":\"q1\",\"answer\":\"unterminated}")]
    [InlineData("{\"submissionId\":\"s2\",\"questionId\":\"q1\",\"answer\":\"a\",}")]
    [InlineData("{submissionId:\"s2\"}")]
    [InlineData("{\"submissionId\":\"s2\"} {\"second\":1}")]
    [InlineData("not json at all")]
    public void Parse_MalformedJsonOnOneLine_OnlyThatLineIsRowError(string badLine)
    {
        var content = "{\"submissionId\":\"s1\",\"questionId\":\"q1\",\"answer\":\"a\"}\n" + badLine + "\n{\"submissionId\":\"s3\",\"questionId\":\"q1\",\"answer\":\"c\"}\n";

        var batch = ParseJsonl(content);

        Assert.Equal(new[] { "s1", "s3" }, batch.Submissions.Select(s => s.SubmissionId));
        var error = SingleError(batch);
        Assert.Equal((2, FieldNames.Row), (error.Row, error.Field));
        Assert.Contains("malformed JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1,2]", "an array")]
    [InlineData("\"text\"", "a string")]
    [InlineData("42", "a number")]
    public void Parse_LineThatIsNotAnObject_IsRowError(string badLine, string found)
    {
        var content = "{\"submissionId\":\"s1\",\"questionId\":\"q1\",\"answer\":\"a\"}\n" + badLine + "\n";

        var batch = ParseJsonl(content);

        Assert.Single(batch.Submissions);
        var error = SingleError(batch);
        Assert.Equal((2, FieldNames.Row), (error.Row, error.Field));
        Assert.Contains(found, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"answer\":{\"text\":\"a\"}", FieldNames.Answer, "an object")]
    [InlineData("\"answer\":[\"a\",\"b\"]", FieldNames.Answer, "an array")]
    [InlineData("\"answer\":true", FieldNames.Answer, "a boolean")]
    [InlineData("\"answer\":\"a\",\"humanScore\":[1]", FieldNames.HumanScore, "an array")]
    [InlineData("\"answer\":\"a\",\"humanFeedback\":{\"text\":\"good\"}", FieldNames.HumanFeedback, "an object")]
    public void Parse_WrongJsonType_IsRowErrorNamingFieldAndSubmission(string properties, string field, string found)
    {
        var content = "{\"submissionId\":\"s1\",\"questionId\":\"q1\",\"answer\":\"a\"}\n{\"submissionId\":\"s2\",\"questionId\":\"q1\"," + properties + "}\n";

        var batch = ParseJsonl(content);

        Assert.Equal("s1", Assert.Single(batch.Submissions).SubmissionId);
        var error = SingleError(batch);
        Assert.Equal((2, "s2", field), (error.Row, error.SubmissionId, error.Field));
        Assert.Contains(found, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OnlyLineHasWrongJsonType_IsRowErrorNotWholeFileRejection()
    {
        // The line is a JSON object, so the file is JSON Lines; only the field is wrong.
        var batch = ParseJsonl("{\"submissionId\":\"s1\",\"questionId\":\"q1\",\"answer\":{\"text\":\"a\"}}\n");

        Assert.Empty(batch.Submissions);
        var error = SingleError(batch);
        Assert.Equal((1, "s1", FieldNames.Answer), (error.Row, error.SubmissionId, error.Field));
    }

    [Fact]
    public void Parse_ReferenceAnswerArrayWithNonString_IsRowError()
    {
        var content = "{\"submissionId\":\"s1\",\"question\":\"Q?\",\"referenceAnswers\":[\"r\",3],\"maxScore\":1,\"answer\":\"a\"}\n";

        var batch = ParseJsonl(content, assignment: null);

        var error = SingleError(batch);
        Assert.Equal((1, FieldNames.ReferenceAnswers), (error.Row, error.Field));
    }

    [Fact]
    public void Parse_InlineQuestionWithReferenceAnswerArray_KeepsEveryReference()
    {
        var content = """
            {"submissionId":"s1","questionId":"q1","question":"Name a primary colour.","referenceAnswers":["red","blue","yellow"],"maxScore":1,"answer":"blue"}
            """;

        var batch = BatchParser.Parse(Utf8(content), BatchFormat.Jsonl, assignment: null, "a1");

        var question = Assert.Single(batch.Questions);
        Assert.Equal(new[] { "red", "blue", "yellow" }, question.ReferenceAnswers);
        Assert.Equal(1, question.MaxScore);
    }

    [Fact]
    public void Parse_NullProperty_IsTreatedAsMissing()
    {
        var batch = ParseJsonl("{\"submissionId\":\"s1\",\"questionId\":\"q1\",\"answer\":null}\n");

        var error = SingleError(batch);
        Assert.Equal((FieldNames.Answer, "required field is missing"), (error.Field, error.Message));
    }

    [Theory]
    [InlineData("\"answer\":\"first\",\"answer\":\"second\"", "'answer' and 'answer'")]
    [InlineData("\"answer\":\"first\",\"Answer\":\"second\"", "'answer' and 'Answer'")]
    [InlineData("\"answer\":null,\"answer\":\"second\"", "'answer' and 'answer'")]
    public void Parse_FieldGivenTwice_IsRowErrorNamingBothSpellings(string properties, string named)
    {
        var content = "{\"submissionId\":\"s1\",\"questionId\":\"q1\",\"answer\":\"a\"}\n{\"submissionId\":\"s2\",\"questionId\":\"q1\"," + properties + "}\n";

        var batch = ParseJsonl(content);

        Assert.Equal("s1", Assert.Single(batch.Submissions).SubmissionId);
        var error = SingleError(batch);
        Assert.Equal((2, "s2", FieldNames.Answer), (error.Row, error.SubmissionId, error.Field));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
