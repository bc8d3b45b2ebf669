using Grading.Core.Domain;

namespace Grading.Core.Batches;

/// <summary>Entry point for batch files: picks the reader by format, then validates every row.</summary>
public static class BatchParser
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The format a file name implies; unknown extensions are sniffed from the first character.</summary>
    public static BatchFormat DetectFormat(string fileName, ReadOnlySpan<byte> content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is ".jsonl" or ".ndjson")
        {
            return BatchFormat.Jsonl;
        }

        if (extension is ".csv" or ".tsv")
        {
            return BatchFormat.Csv;
        }

        var trimmed = content.TrimStart(" \t\r\n\uFEFF"u8);
        return !trimmed.IsEmpty && trimmed[0] == (byte)'{' ? BatchFormat.Jsonl : BatchFormat.Csv;
    }

    /// <exception cref="BatchFormatException">The file as a whole is not a CSV or JSONL batch.</exception>
    public static ParsedBatch Parse(
        ReadOnlySpan<byte> content,
        BatchFormat format,
        Assignment? assignment,
        string defaultAssignmentId,
        BatchLimits? limits = null)
    {
        var body = content.StartsWith(Utf8Bom) ? content[Utf8Bom.Length..] : content;
        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new BatchFormatException("The file is empty: there is nothing to grade.");
        }

        if (WideEncodingName(content) is { } encoding)
        {
            throw new BatchFormatException($"The file is {encoding} encoded; save it as UTF-8 (\"CSV UTF-8\" in spreadsheet programs) and upload it again.");
        }

        if (BinarySniffer.LooksBinary(content))
        {
            throw new BatchFormatException("The file is binary (it holds NUL bytes), not a CSV or JSONL batch.");
        }

        var rows = format == BatchFormat.Jsonl ? JsonlRowReader.Read(content) : CsvRowReader.Read(content);
        return new RowValidator(assignment, defaultAssignmentId, limits ?? BatchLimits.Default).Validate(rows);
    }

    /// <summary>UTF-16 and UTF-32 files hold NUL bytes too; naming their encoding beats calling a spreadsheet export "binary".</summary>
    private static string? WideEncodingName(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) || content.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]) ? "UTF-32"
        : content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? "UTF-16"
        : null;
}
