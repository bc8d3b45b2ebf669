using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Grading.Core.Batches;

/// <summary>
/// Reads a CSV with a header row (comma, semicolon or tab, detected). Row numbers count data records from 1,
/// so row 1 is the record right after the header.
/// </summary>
public static class CsvRowReader
{
    // Invalid bytes decode to U+FFFD so one bad cell costs only its own row, not the whole file.
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private const char Replacement = '\uFFFD';

    public static IReadOnlyList<RawRow> Read(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(Encoding.UTF8.Preamble))
        {
            content = content[Encoding.UTF8.Preamble.Length..];
        }

        var text = LenientUtf8.GetString(content);
        var badData = new Dictionary<int, string>();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            MissingFieldFound = null,
            HeaderValidated = null,
            BadDataFound = args => badData.TryAdd(args.Context.Parser?.Row ?? 0, "malformed CSV: a quote inside an unquoted field"),
        };

        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, configuration);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            throw new BatchFormatException("The file is empty: a CSV batch needs a header row.");
        }

        var header = csv.HeaderRecord;
        var columns = header.Select(FieldNames.Canonical).ToArray();
        if (columns.All(c => c is null))
        {
            throw new BatchFormatException(
                $"The file is not a grading CSV: its header names none of the columns {string.Join(", ", FieldNames.All)}.");
        }

        // Two columns for one field would leave which one was graded to column order: refuse the file. Reference answers may repeat.
        var repeated = columns
            .Select((field, index) => (Field: field, Column: index + 1))
            .Where(c => c.Field is not null and not (FieldNames.ReferenceAnswer or FieldNames.ReferenceAnswers))
            .GroupBy(c => c.Field)
            .FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new BatchFormatException(
                $"The header names {repeated.Key} twice (columns {string.Join(" and ", repeated.Select(c => c.Column))}): give each column once.");
        }

        var submissionIdColumn = Array.IndexOf(columns, FieldNames.SubmissionId);
        var rows = new List<RawRow>();
        var dataRow = 0;
        while (csv.Read())
        {
            dataRow++;
            var parserRow = csv.Parser.Row;
            var record = csv.Parser.Record ?? [];
            var submissionId = submissionIdColumn >= 0 && submissionIdColumn < record.Length && !record[submissionIdColumn].Contains(Replacement)
                ? record[submissionIdColumn]
                : null;
            if (badData.TryGetValue(parserRow, out var bad))
            {
                rows.Add(RawRow.Unreadable(dataRow, FieldNames.Row, bad, submissionId));
                continue;
            }

            if (record.Length > header.Length)
            {
                rows.Add(RawRow.Unreadable(dataRow, FieldNames.Row, $"the row has {record.Length} fields but the header has {header.Length}", submissionId));
                continue;
            }

            rows.Add(ToRow(dataRow, columns, record, submissionId));
        }

        return rows;
    }

    private static RawRow ToRow(int row, string?[] columns, string[] record, string? submissionId)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var references = new List<string>();
        for (var i = 0; i < record.Length; i++)
        {
            var field = columns[i];
            if (field is null)
            {
                continue;
            }

            if (record[i].Contains(Replacement))
            {
                return RawRow.Unreadable(row, field, "holds bytes that are not valid UTF-8", submissionId);
            }

            if (field is FieldNames.ReferenceAnswer or FieldNames.ReferenceAnswers)
            {
                if (!string.IsNullOrWhiteSpace(record[i]))
                {
                    references.Add(record[i]);
                }

                continue;
            }

            // Kept even when empty: an empty answer cell is "the answer is empty", not "no answer column".
            values[field] = record[i];
        }

        return new RawRow(row, values, references);
    }
}
