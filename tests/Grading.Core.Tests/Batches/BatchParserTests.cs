using Grading.Core.Batches;
using static Grading.Core.Tests.TestData;

namespace Grading.Core.Tests.Batches;

public class BatchParserTests
{
    [Theory]
    [InlineData("batch.jsonl")]
    [InlineData("batch.JSONL")]
    [InlineData("batch.ndjson")]
    [InlineData("some/dir/batch.v2.jsonl")]
    public void DetectFormat_JsonlExtension_IsJsonlWhateverTheContent(string fileName)
    {
        // The content looks like CSV; the extension wins.
        Assert.Equal(BatchFormat.Jsonl, BatchParser.DetectFormat(fileName, Utf8("submissionId,answer\n")));
    }

    [Theory]
    [InlineData("batch.csv")]
    [InlineData("batch.CSV")]
    [InlineData("batch.tsv")]
    public void DetectFormat_CsvExtension_IsCsvWhateverTheContent(string fileName)
    {
        Assert.Equal(BatchFormat.Csv, BatchParser.DetectFormat(fileName, Utf8("{\"submissionId\":\"s1\"}\n")));
    }

    [Theory]
    [InlineData("batch.txt")]
    [InlineData("batch")]
    [InlineData("upload.bin")]
    public void DetectFormat_UnknownExtensionStartingWithBrace_SniffsJsonl(string fileName)
    {
        Assert.Equal(BatchFormat.Jsonl, BatchParser.DetectFormat(fileName, Utf8("{\"submissionId\":\"s1\"}\n")));
    }

    [Fact]
    public void DetectFormat_LeadingBomAndWhitespaceBeforeBrace_SniffsJsonl()
    {
        var content = Concat(Bom, Utf8("\r\n  \t{\"submissionId\":\"s1\"}\n"));

        Assert.Equal(BatchFormat.Jsonl, BatchParser.DetectFormat("batch.txt", content));
    }

    [Theory]
    [InlineData("submissionId,questionId,answer\ns1,q1,yes\n")]
    [InlineData("submission_id;answer\n")]
    [InlineData("")]
    [InlineData("[{\"a\":1}]")]
    public void DetectFormat_UnknownExtensionNotStartingWithBrace_SniffsCsv(string content)
    {
        Assert.Equal(BatchFormat.Csv, BatchParser.DetectFormat("batch.txt", Utf8(content)));
    }

    [Theory]
    [InlineData(BatchFormat.Jsonl, "")]
    [InlineData(BatchFormat.Csv, "")]
    [InlineData(BatchFormat.Jsonl, " \r\n\t\n")]
    [InlineData(BatchFormat.Csv, "\n\n")]
    public void Parse_EmptyOrBlankFile_ThrowsEmptyFileMessage(BatchFormat format, string content)
    {
        var e = Assert.Throws<BatchFormatException>(() => BatchParser.Parse(Utf8(content), format, Assignment(), "a1"));

        Assert.Contains("empty", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(BatchFormat.Jsonl)]
    [InlineData(BatchFormat.Csv)]
    public void Parse_OnlyByteOrderMark_ThrowsEmptyFileMessage(BatchFormat format)
    {
        var content = Concat(Bom, Utf8("\r\n"));

        var e = Assert.Throws<BatchFormatException>(() => BatchParser.Parse(content, format, Assignment(), "a1"));

        Assert.Contains("empty", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<BatchFormat, byte[]> BinaryFiles()
    {
        // A fake PDF: header, binary comment line, then an object stream with NULs.
        byte[] pdf = Concat(Utf8("%PDF-1.7\n%"), [0xE2, 0xE3, 0xCF, 0xD3, 0x0A], Utf8("1 0 obj\n<< /Length 4 >>\nstream\n"), [0x00, 0x01, 0x00, 0xFF]);

        // A fake ZIP (xlsx, docx): local file header signature, version, flags - NULs right away.
        byte[] zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00];

        // A file that starts like JSONL but has a NUL further on.
        byte[] jsonWithNul = Concat(Utf8("{\"submissionId\":\"s1\",\"questionId\":\"q1\",\"answer\":\"ok\"}\n"), [0x00]);
        return new TheoryData<BatchFormat, byte[]>
        {
            { BatchFormat.Csv, pdf },
            { BatchFormat.Jsonl, pdf },
            { BatchFormat.Csv, zip },
            { BatchFormat.Jsonl, zip },
            { BatchFormat.Jsonl, jsonWithNul },
        };
    }

    [Theory]
    [MemberData(nameof(BinaryFiles))]
    public void Parse_BinaryFile_ThrowsBinaryMessage(BatchFormat format, byte[] content)
    {
        var e = Assert.Throws<BatchFormatException>(() => BatchParser.Parse(content, format, Assignment(), "a1"));

        Assert.Contains("binary", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Dear teacher,\nhere is my essay about plants.\nThanks!\n")]
    [InlineData("[1, 2, 3]\n[\"a\"]\n")]
    [InlineData("\"just a string\"\n42\ntrue\nnull\n")]
    public void Parse_JsonlWithNoObjectOnAnyLine_ThrowsNotJsonLines(string content)
    {
        var e = Assert.Throws<BatchFormatException>(() => ParseJsonl(content));

        Assert.Contains("not JSON Lines", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 1", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Dear teacher, here is my essay.\nPlants need light, water and air.\nThanks!\n")]
    [InlineData("The quick brown fox\njumps over the lazy dog\n")]
    [InlineData("name;age\nAda;36\n")]
    public void Parse_CsvWhoseHeaderNamesNoKnownColumn_ThrowsNotAGradingCsv(string content)
    {
        var e = Assert.Throws<BatchFormatException>(() => ParseCsv(content));

        Assert.Contains("not a grading CSV", e.Message, StringComparison.Ordinal);
        Assert.Contains(FieldNames.SubmissionId, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DefaultLimits_AnswerOfExactlyTwentyThousandCharactersIsAccepted()
    {
        var answer = new string('a', 20_000);

        var batch = ParseJsonl($$"""{"submissionId":"s1","questionId":"q1","answer":"{{answer}}"}""");

        Assert.Empty(batch.Errors);
        Assert.Equal(20_000, Assert.Single(batch.Submissions).Answer.Length);
    }

    [Fact]
    public void Parse_DefaultLimits_AnswerOverTwentyThousandCharactersIsRowError()
    {
        var answer = new string('a', 20_001);
        var content = $$"""
            {"submissionId":"s1","questionId":"q1","answer":"fine"}
            {"submissionId":"s2","questionId":"q1","answer":"{{answer}}"}
            {"submissionId":"s3","questionId":"q1","answer":"also fine"}
            """;

        var batch = ParseJsonl(content);

        var error = SingleError(batch);
        Assert.Equal(new[] { "s1", "s3" }, batch.Submissions.Select(s => s.SubmissionId));
        Assert.Equal((2, "s2", FieldNames.Answer), (error.Row, error.SubmissionId, error.Field));
        Assert.Contains("20,001", error.Message, StringComparison.Ordinal);
        Assert.Contains("20,000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CustomLimits_AnswerOverCustomLimitIsRowError()
    {
        var limits = new BatchLimits { MaxAnswerLength = 10 };
        var content = "submissionId,questionId,answer\ns1,q1,0123456789\ns2,q1,0123456789X\n";

        var batch = ParseCsv(content, limits: limits);

        var error = SingleError(batch);
        Assert.Equal("s1", Assert.Single(batch.Submissions).SubmissionId);
        Assert.Equal((2, "s2", FieldNames.Answer), (error.Row, error.SubmissionId, error.Field));
        Assert.Contains("limit of 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CustomQuestionLimit_LongInlineQuestionIsRowError()
    {
        var limits = new BatchLimits { MaxQuestionLength = 5 };
        var content = "submissionId,question,referenceAnswer,maxScore,answer\ns1,Why is the sky blue?,Rayleigh scattering,2,Because.\n";

        var batch = ParseCsv(content, assignment: null, limits);

        var error = SingleError(batch);
        Assert.Empty(batch.Submissions);
        Assert.Equal((1, "s1", FieldNames.Question), (error.Row, error.SubmissionId, error.Field));
    }

    [Fact]
    public void Parse_RowCount_CountsEveryDataRowIncludingRejected()
    {
        var content = "submissionId,questionId,answer\ns1,q1,a\ns2,q1,\ns3,q1,c\n";

        var batch = ParseCsv(content);

        Assert.Equal(3, batch.RowCount);
        Assert.Equal(2, batch.Submissions.Count);
        Assert.Equal(new[] { 1, 3 }, batch.SubmissionRows);
        Assert.Equal(2, SingleError(batch).Row);
    }

    [Fact]
    public void Parse_NoAssignmentIdAnywhere_UsesAssignmentIdThenDefault()
    {
        var content = """
            {"submissionId":"s1","questionId":"q1","answer":"a"}
            {"submissionId":"s2","questionId":"q1","answer":"b","assignmentId":"other-1"}
            """;

        var withAssignment = ParseJsonl(content);
        var inlineOnly = BatchParser.Parse(
            Utf8("""{"submissionId":"s1","question":"Q?","referenceAnswer":"R","maxScore":1,"answer":"a"}"""),
            BatchFormat.Jsonl,
            assignment: null,
            "fallback-id");

        Assert.Equal(new[] { "bio-101", "other-1" }, withAssignment.Submissions.Select(s => s.AssignmentId));
        Assert.Equal("fallback-id", Assert.Single(inlineOnly.Submissions).AssignmentId);
    }
}
