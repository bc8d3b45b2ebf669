using System.Text;
using System.Text.Json;

namespace Grading.Core.Batches;

/// <summary>Reads JSON Lines: one JSON object per line. The row number is the line number.</summary>
public static class JsonlRowReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IReadOnlyList<RawRow> Read(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(Encoding.UTF8.Preamble))
        {
            content = content[Encoding.UTF8.Preamble.Length..];
        }

        var rows = new List<RawRow>();
        var lineNumber = 0;
        var objectsSeen = 0;
        string? firstProblem = null;
        while (!content.IsEmpty)
        {
            lineNumber++;
            var end = content.IndexOf((byte)'\n');
            var line = end < 0 ? content : content[..end];
            content = end < 0 ? [] : content[(end + 1)..];
            if (line.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            var (row, isObject) = ReadLine(lineNumber, line);
            if (isObject)
            {
                objectsSeen++;
            }
            else
            {
                firstProblem ??= $"line {lineNumber}: {row.ReadError}";
            }

            rows.Add(row);
        }

        if (rows.Count > 0 && objectsSeen == 0)
        {
            throw new BatchFormatException($"The file is not JSON Lines: no line holds a JSON object ({firstProblem}).");
        }

        return rows;
    }

    /// <summary>Reads one line; IsObject is true when the line is a JSON object, even one with a bad field.</summary>
    private static (RawRow Row, bool IsObject) ReadLine(int lineNumber, ReadOnlySpan<byte> line)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(line);
        }
        catch (DecoderFallbackException e)
        {
            return (RawRow.Unreadable(lineNumber, FieldNames.Row, $"the line holds bytes that are not valid UTF-8 (at byte {e.Index})"), false);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            return (RawRow.Unreadable(lineNumber, FieldNames.Row, $"malformed JSON: {e.Message}"), false);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (RawRow.Unreadable(lineNumber, FieldNames.Row, $"expected a JSON object, found {Describe(document.RootElement.ValueKind)}"), false);
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var references = new List<string>();
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var field = FieldNames.Canonical(property.Name);
                if (field is null)
                {
                    continue;
                }

                // {"answer":"a","answer":"b"} (or "Answer" after "answer"): which one was graded would be a guess.
                if (!names.TryAdd(field, property.Name))
                {
                    return (RawRow.Unreadable(lineNumber, field, $"given twice ('{names[field]}' and '{property.Name}'): give each field once", SubmissionIdOf(document.RootElement)), true);
                }

                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                if (field is FieldNames.ReferenceAnswer or FieldNames.ReferenceAnswers && property.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in property.Value.EnumerateArray())
                    {
                        if (item.ValueKind != JsonValueKind.String)
                        {
                            return (RawRow.Unreadable(lineNumber, field, $"every reference answer must be a string, found {Describe(item.ValueKind)}", SubmissionIdOf(document.RootElement)), true);
                        }

                        references.Add(item.GetString()!);
                    }

                    continue;
                }

                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        values[field] = property.Value.GetString()!;
                        break;
                    case JsonValueKind.Number:
                        values[field] = property.Value.GetRawText();
                        break;
                    default:
                        return (RawRow.Unreadable(lineNumber, field, $"must be a string or a number, found {Describe(property.Value.ValueKind)}", SubmissionIdOf(document.RootElement)), true);
                }
            }

            if (values.Remove(FieldNames.ReferenceAnswer, out var single) | values.Remove(FieldNames.ReferenceAnswers, out var singleToo))
            {
                references.AddRange(new[] { single, singleToo }.OfType<string>());
            }

            return (new RawRow(lineNumber, values, references), true);
        }
    }

    /// <summary>The row's submissionId when it is a plain string or number, so a field error can still name the submission.</summary>
    private static string? SubmissionIdOf(JsonElement root)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (FieldNames.Canonical(property.Name) == FieldNames.SubmissionId)
            {
                return property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    _ => null,
                };
            }
        }

        return null;
    }


    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        _ => "null",
    };
}
