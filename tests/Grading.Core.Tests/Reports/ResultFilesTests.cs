using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Grading.Core.Domain;
using Grading.Core.Reports;
using static Grading.Core.Tests.TestData;

namespace Grading.Core.Tests.Reports;

public class ResultFilesTests
{
    private static List<string[]> ReadCsv(byte[] bytes)
    {
        using var reader = new StringReader(Encoding.UTF8.GetString(bytes));
        using var csv = new CsvParser(reader, CultureInfo.InvariantCulture);
        var records = new List<string[]>();
        while (csv.Read())
        {
            records.Add(csv.Record!);
        }

        return records;
    }

    private static string Cell(string[] record, string column) => record[ResultFiles.CsvColumns.ToList().IndexOf(column)];

    [Fact]
    public void GradesToCsv_HeaderThenOneRecordPerGrade()
    {
        var records = ReadCsv(ResultFiles.GradesToCsv([Grade("s1"), Grade("s2", score: 2)]));

        Assert.Equal(3, records.Count);
        Assert.Equal(ResultFiles.CsvColumns, records[0]);
        Assert.Equal(("s1", "1", "2", "50", "false"), (Cell(records[1], "submissionId"), Cell(records[1], "score"), Cell(records[1], "maxScore"), Cell(records[1], "percent"), Cell(records[1], "needsReview")));
        Assert.Equal("2025-03-01T12:00:00.0000000+00:00", Cell(records[2], "gradedAt"));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("=1+1")]
    [InlineData("\t=1+1")]
    [InlineData("\r=HYPERLINK(\"http://evil.example\")")]
    public void GradesToCsv_FeedbackStartingWithFormulaCharacter_IsPrefixedWithApostrophe(string feedback)
    {
        var bytes = ResultFiles.GradesToCsv([Grade(feedback: feedback)]);

        // CsvHelper 33 InjectionOptions.Escape prepends the escape character (') and quotes the field.
        var cell = Cell(ReadCsv(bytes)[1], "feedback");
        Assert.Equal("'" + feedback, cell);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("\"'" + feedback.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void GradesToCsv_IdsStartingWithFormulaCharacter_ArePrefixed()
    {
        var grade = Grade(submissionId: "=cmd|' /C calc'!A0", questionId: "@q") with { AssignmentId = "+a", Grader = "-g" };

        var record = ReadCsv(ResultFiles.GradesToCsv([grade]))[1];

        Assert.Equal("'=cmd|' /C calc'!A0", Cell(record, "submissionId"));
        Assert.Equal("'+a", Cell(record, "assignmentId"));
        Assert.Equal("'@q", Cell(record, "questionId"));
        Assert.Equal("'-g", Cell(record, "grader"));
    }

    [Fact]
    public void GradesToCsv_NoRawFieldStartsWithAFormulaCharacter()
    {
        var grade = Grade(feedback: "=1+1") with { ReviewReasons = ["-clamped", "@low"], ModelVersion = "+v", Grader = "\t=g", RubricHash = "\r@h" };

        var text = Encoding.UTF8.GetString(ResultFiles.GradesToCsv([grade]));

        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            foreach (var field in line.TrimEnd('\r').Split(','))
            {
                Assert.False(field.Length > 0 && "=+-@\t\r".Contains(field[0], StringComparison.Ordinal), $"field '{field}' could run as a formula");
            }
        }
    }

    [Fact]
    public void GradesToCsv_OrdinaryFeedback_IsNotPrefixed()
    {
        var record = ReadCsv(ResultFiles.GradesToCsv([Grade(feedback: "Good, mostly = right - see @notes")]))[1];

        Assert.Equal("Good, mostly = right - see @notes", Cell(record, "feedback"));
    }

    [Theory]
    [InlineData("光合作用：回答正确。")]
    [InlineData("التمثيل الضوئي صحيح")]
    [InlineData("תשובה נכונה")]
    [InlineData("Great 🌱👩🏽‍🔬, \"quoted\" and\nmulti-line")]
    [InlineData("cafe\u0301")]
    public void GradesToCsv_NonLatinFeedback_RoundTrips(string feedback)
    {
        var bytes = ResultFiles.GradesToCsv([Grade(feedback: feedback)]);

        Assert.False(bytes.AsSpan().StartsWith(Bom));
        Assert.Equal(feedback, Cell(ReadCsv(bytes)[1], "feedback"));
    }

    [Fact]
    public void GradesToCsv_ReviewReasonsAndHumanScore_AreWritten()
    {
        var grade = Grade(needsReview: true, humanScore: 1.5) with { ReviewReasons = ["a", "b"] };

        var record = ReadCsv(ResultFiles.GradesToCsv([grade]))[1];

        Assert.Equal(("true", "a; b", "1.5"), (Cell(record, "needsReview"), Cell(record, "reviewReasons"), Cell(record, "humanScore")));
    }

    [Fact]
    public void ToJsonl_Grades_OneCamelCaseObjectPerLine()
    {
        var bytes = ResultFiles.ToJsonl([Grade("s1"), Grade("s2", needsReview: true)]);
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');

        Assert.Equal(3, lines.Length);
        Assert.Equal("", lines[2]);
        using var doc = JsonDocument.Parse(lines[1]);
        var root = doc.RootElement;
        string[] expected =
        [
            "submissionId", "questionId", "score", "maxScore", "percent", "feedback", "confidence",
            "needsReview", "reviewReasons", "grader", "modelVersion",
        ];
        var names = root.EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(expected, name => Assert.Contains(name, names));
        Assert.DoesNotContain(names, n => char.IsUpper(n[0]));
        Assert.Equal("s2", root.GetProperty("submissionId").GetString());
        Assert.True(root.GetProperty("needsReview").GetBoolean());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("reviewReasons").ValueKind);
        Assert.Equal(2, root.GetProperty("maxScore").GetDouble());
    }

    [Fact]
    public void ToJsonl_NullHumanScore_IsOmitted()
    {
        var line = Encoding.UTF8.GetString(ResultFiles.ToJsonl([Grade(humanScore: null)]));

        Assert.DoesNotContain("humanScore", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJsonl_CjkAndRtl_StayUnescaped()
    {
        const string feedback = "光合作用 صحيح נכון cafe\u0301";

        var bytes = ResultFiles.ToJsonl([Grade(feedback: feedback)]);
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Contains(feedback, text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
        Assert.False(bytes.AsSpan().StartsWith(Bom));
    }

    [Fact]
    public void ToJsonl_Emoji_RoundTripsThroughJson()
    {
        // UnsafeRelaxedJsonEscaping still writes characters outside the BMP as \uD83C\uDF31 surrogate escapes;
        // that is valid JSON and reads back to the same text.
        const string feedback = "Great 🌱👩🏽‍🔬";

        var line = Encoding.UTF8.GetString(ResultFiles.ToJsonl([Grade(feedback: feedback)]));

        using var doc = JsonDocument.Parse(line);
        Assert.Equal(feedback, doc.RootElement.GetProperty("feedback").GetString());
    }

    [Fact]
    public void ToJsonl_RowErrors_RoundTrip()
    {
        var errors = new[] { new RowError(2, "s2", "answer", "the answer is empty"), new RowError(5, null, "row", "malformed JSON: 漢字") };

        var lines = Encoding.UTF8.GetString(ResultFiles.ToJsonl(errors)).TrimEnd('\n').Split('\n');

        Assert.Equal(errors, lines.Select(l => JsonSerializer.Deserialize<RowError>(l, Serialization.GradingJson.Options)));
        Assert.Contains("\"row\":2", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("submissionId", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void ToJsonl_Nothing_IsEmpty()
    {
        Assert.Empty(ResultFiles.ToJsonl(Array.Empty<Grade>()));
    }

    [Fact]
    public void ToJson_IsIndentedCamelCase()
    {
        var text = Encoding.UTF8.GetString(ResultFiles.ToJson(new RowError(1, "s1", "answer", "x")));

        Assert.Contains("\n", text, StringComparison.Ordinal);
        Assert.Contains("\"submissionId\": \"s1\"", text, StringComparison.Ordinal);
    }
}
