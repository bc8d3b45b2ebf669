using System.Text.Json;
using System.Text.Json.Nodes;

namespace Grading.Orchestration.Api;

/// <summary>Typed reads of optional request fields, each failure naming the field and the type found.</summary>
internal static class JsonFields
{
    public static string? OptionalString(JsonObject body, string field, List<FieldError> errors)
    {
        if (!body.TryGetPropertyValue(field, out var node) || node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            errors.Add(new FieldError(field, $"must be a string, found {Describe(node)}"));
            return null;
        }

        var value = node.GetValue<string>();
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>
    /// A value from the request as an error message quotes it: at most 60 characters, control characters as \uXXXX, so
    /// a 5,000-character id or an escape sequence neither bloats nor garbles the answer.
    /// </summary>
    public static string Quote(string value)
    {
        var shown = value.Length <= 60 ? value : value[..60] + "…";
        return "'" + string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString())) + "'";
    }

    public static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        _ => "null",
    };
}
