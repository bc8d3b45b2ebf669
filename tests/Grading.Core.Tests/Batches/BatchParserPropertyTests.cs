using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using CsvHelper;
using Grading.Core.Batches;
using Grading.Core.Domain;

namespace Grading.Core.Tests.Batches;

/// <summary>Properties of the batch readers over generated input, checked with CsCheck.</summary>
public sealed class BatchParserPropertyTests
{
    private static readonly Assignment Assignment = new("a1", [new Question("q1", "Why?", ["Because."], 4)]);

    // Answers drawn from many scripts, punctuation that CSV and JSON must escape, and emoji (surrogate pairs).
    private static readonly Gen<string> Answer = Gen.OneOf(
            Gen.Char["abcxyz ,;\t\"'\\\n\r=+-@"],
            Gen.Char['\u0400', '\u04FF'],
            Gen.Char['\u0590', '\u06FF'],
            Gen.Char['\u4E00', '\u4FFF'])
        .Array[1, 40]
        .Select(chars => new string(chars))
        .SelectMany(text => Gen.Bool.Select(emoji => emoji ? text + "🌱" : text))
        .Where(text => !string.IsNullOrWhiteSpace(text));

    private static readonly Gen<(string Answer, double? Score)[]> Rows =
        Gen.Select(Answer, Gen.OneOf(Gen.Const((double?)null), Gen.Int[0, 4].Select(s => (double?)s))).Array[1, 25];

    [Fact]
    public void Parse_AnyValidRowsWrittenAsCsv_ReadsBackEveryAnswerExactly()
    {
        Rows.Sample(rows =>
        {
            var parsed = BatchParser.Parse(ToCsv(rows), BatchFormat.Csv, Assignment, "a1");

            Assert.Empty(parsed.Errors);
            Assert.Equal(rows.Select(r => r.Answer), parsed.Submissions.Select(s => s.Answer));
            Assert.Equal(rows.Select(r => r.Score), parsed.Submissions.Select(s => s.HumanScore));
        }, iter: 300);
    }

    [Fact]
    public void Parse_AnyValidRowsWrittenAsJsonl_ReadsBackEveryAnswerExactly()
    {
        Rows.Sample(rows =>
        {
            var parsed = BatchParser.Parse(ToJsonl(rows), BatchFormat.Jsonl, Assignment, "a1");

            Assert.Empty(parsed.Errors);
            Assert.Equal(rows.Select(r => r.Answer), parsed.Submissions.Select(s => s.Answer));
        }, iter: 300);
    }

    [Fact]
    public void Parse_ArbitraryBytes_EitherRejectsTheFileOrAccountsForEveryRow()
    {
        Gen.Byte.Array[0, 400].Sample(bytes =>
        {
            foreach (var format in new[] { BatchFormat.Csv, BatchFormat.Jsonl })
            {
                try
                {
                    var parsed = BatchParser.Parse(bytes, format, Assignment, "a1");
                    Assert.Equal(parsed.RowCount, parsed.Submissions.Count + parsed.Errors.Count);
                }
                catch (BatchFormatException e)
                {
                    Assert.False(string.IsNullOrWhiteSpace(e.Message));
                }
            }
        }, iter: 500);
    }

    [Fact]
    public void Parse_OneRowCorrupted_LeavesEveryOtherRowGraded()
    {
        Gen.Select(Rows, Gen.Int[0, 1000], Gen.OneOf(Gen.Const("{not json"), Gen.Const("[1,2]"), Gen.Const("{\"submissionId\":\"../x\",\"questionId\":\"q1\",\"answer\":\"a\"}")))
            .Sample((rows, position, corrupt) =>
            {
                var lines = Encoding.UTF8.GetString(ToJsonl(rows)).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
                lines.Insert(position % (lines.Count + 1), corrupt);

                var parsed = BatchParser.Parse(Encoding.UTF8.GetBytes(string.Join('\n', lines)), BatchFormat.Jsonl, Assignment, "a1");

                Assert.Equal(rows.Length, parsed.Submissions.Count);
                Assert.Equal(position % (lines.Count) + 1, Assert.Single(parsed.Errors).Row);
            }, iter: 200);
    }

    private static byte[] ToCsv((string Answer, double? Score)[] rows)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            csv.WriteField("submissionId");
            csv.WriteField("questionId");
            csv.WriteField("answer");
            csv.WriteField("humanScore");
            csv.NextRecord();
            for (var i = 0; i < rows.Length; i++)
            {
                csv.WriteField($"s{i}");
                csv.WriteField("q1");
                csv.WriteField(rows[i].Answer, shouldQuote: true);
                csv.WriteField(rows[i].Score?.ToString(CultureInfo.InvariantCulture) ?? "");
                csv.NextRecord();
            }
        }

        return Encoding.UTF8.GetBytes(writer.ToString());
    }

    private static byte[] ToJsonl((string Answer, double? Score)[] rows) =>
        Encoding.UTF8.GetBytes(string.Concat(rows.Select((r, i) =>
            JsonSerializer.Serialize(new { submissionId = $"s{i}", questionId = "q1", answer = r.Answer, humanScore = r.Score }) + "\n")));
}
