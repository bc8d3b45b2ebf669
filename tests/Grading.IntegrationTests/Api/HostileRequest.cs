using System.Text;
using System.Text.RegularExpressions;

namespace Grading.IntegrationTests.Api;

/// <summary>
/// One case of the hostile request corpus (Api/Hostile/*.http): comment lines, the expectation, the request line,
/// headers, a blank line, then the body byte for byte (invalid UTF-8 and binary allowed). A
/// <c>{{repeat N}}TEXT{{/repeat}}</c> anywhere is TEXT N times, so an 11 MB body is a one-line file.
/// </summary>
/// <param name="ExpectedField">The field the problem's errors must name: a body field, or "body", "route", "id", "format"; "-" when Kestrel refuses the request before the API.</param>
/// <param name="ExpectedReason">Text that field's message must contain.</param>
public sealed partial record HostileRequest(
    string Name,
    string Description,
    string Method,
    string Target,
    IReadOnlyList<(string Name, string Value)> Headers,
    byte[] Body,
    int ExpectedStatus,
    string ExpectedField,
    string ExpectedReason)
{
    /// <summary>The field of cases Kestrel refuses before the API sees them (bad request line or header): status only.</summary>
    public const string RefusedByServer = "-";

    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Api", "Hostile");

    public static IEnumerable<string> Names() =>
        Directory.GetFiles(Folder, "*.http").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static HostileRequest Load(string name)
    {
        // Latin-1 maps every byte to one char and back, so the body survives the macro expansion byte for byte.
        var text = Repeat().Replace(Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(Folder, name + ".http"))),
            match => string.Concat(Enumerable.Repeat(match.Groups["text"].Value, int.Parse(match.Groups["count"].Value))));
        var headerEnd = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = (headerEnd < 0 ? text : text[..headerEnd]).Split('\n');
        var body = headerEnd < 0 ? [] : Encoding.Latin1.GetBytes(text[(headerEnd + 2)..]);

        var comments = head.TakeWhile(line => line.StartsWith('#')).Select(line => line.TrimStart('#', ' ')).ToList();
        var expect = Expectation().Match(comments.Single(c => c.StartsWith("expect:", StringComparison.Ordinal)));
        if (!expect.Success)
        {
            throw new FormatException($"{name}: the expect line is not 'expect: STATUS FIELD REASON'");
        }

        var rest = head.SkipWhile(line => line.StartsWith('#')).ToList();
        var requestLine = rest[0].Split(' ', 2);
        var headers = rest.Skip(1).Select(line => line.Split(':', 2)).Select(parts => (parts[0].Trim(), parts[1].Trim())).ToList();
        return new HostileRequest(
            name,
            comments.First(),
            requestLine[0],
            requestLine[1],
            headers,
            body,
            int.Parse(expect.Groups["status"].Value),
            expect.Groups["field"].Value,
            expect.Groups["reason"].Value.Trim());
    }

    public override string ToString() => $"{Name}: {Description}";

    [GeneratedRegex(@"\{\{repeat (?<count>\d+)\}\}(?<text>.*?)\{\{/repeat\}\}", RegexOptions.Singleline)]
    private static partial Regex Repeat();

    [GeneratedRegex(@"^expect: (?<status>\d{3}) (?<field>\S+)(?<reason>.*)$")]
    private static partial Regex Expectation();
}
