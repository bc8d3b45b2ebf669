using System.Text.Json;
using Grading.Core.Batches;

namespace Grading.Core.Tests.Batches;

/// <summary>
/// Every file in Batches/Hostile is a bad batch, and expected.json says what it must produce: a whole-file rejection
/// with a clear message, or exactly these row errors (row, field, reason, and the submission when it can be named)
/// with the other rows still parsed.
/// </summary>
public sealed class HostileBatchTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Batches", "Hostile");

    private static readonly Dictionary<string, JsonElement> Expected =
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(Path.Combine(Folder, "expected.json")))!;

    public static TheoryData<string> Files() => new(FileNames());

    private static IEnumerable<string> FileNames() =>
        Directory.GetFiles(Folder).Select(path => Path.GetFileName(path)).Where(name => name != "expected.json").Order();

    [Fact]
    public void Corpus_EveryFile_HasAnExpectation()
    {
        Assert.Equal(FileNames(), Expected.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Parse_HostileFile_GivesItsExpectedClearError(string file)
    {
        var content = File.ReadAllBytes(Path.Combine(Folder, file));
        var expected = Expected[file];

        if (expected.TryGetProperty("reject", out var reject))
        {
            var error = Assert.Throws<BatchFormatException>(() => Parse(file, content));
            Assert.Contains(reject.GetString()!, error.Message, StringComparison.OrdinalIgnoreCase);
            return;
        }

        var batch = Parse(file, content);
        var describe = string.Join("\n", batch.Errors.Select(e => $"row {e.Row} {e.Field} ({e.SubmissionId}): {e.Message}"));
        Assert.True(expected.GetProperty("valid").GetInt32() == batch.Submissions.Count, $"{batch.Submissions.Count} valid rows; errors:\n{describe}");
        var errors = expected.GetProperty("errors").EnumerateArray().ToList();
        Assert.True(errors.Count == batch.Errors.Count, $"expected {errors.Count} errors, got:\n{describe}");
        foreach (var (want, got) in errors.Zip(batch.Errors.OrderBy(e => e.Row)))
        {
            Assert.Equal(want.GetProperty("row").GetInt32(), got.Row);
            Assert.Equal(want.GetProperty("field").GetString(), got.Field);
            Assert.Contains(want.GetProperty("contains").GetString()!, got.Message, StringComparison.Ordinal);
            if (want.TryGetProperty("submissionId", out var id))
            {
                Assert.Equal(id.GetString(), got.SubmissionId);
            }
        }

        Assert.All(batch.Submissions, s => Assert.True(Identifiers.IsValid(s.SubmissionId) && Identifiers.IsValid(s.AssignmentId) && Identifiers.IsValid(s.QuestionId)));
    }

    private static ParsedBatch Parse(string file, byte[] content) =>
        BatchParser.Parse(content, BatchParser.DetectFormat(file, content), TestData.Assignment(), "default-assignment");
}
