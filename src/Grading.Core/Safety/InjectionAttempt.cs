using System.Text.Json;

namespace Grading.Core.Safety;

/// <summary>
/// One line of an injection corpus (samples/injection/corpus.jsonl): an answer without and with an injection, and the
/// kind of finding the screen must report for it.
/// </summary>
public sealed record InjectionAttempt(string Id, string Kind, string Language, string QuestionId, string Base, string Injected)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<InjectionAttempt> ReadCorpus(string path) => File.ReadLines(path)
        .Select((line, index) => (line, index))
        .Where(x => !string.IsNullOrWhiteSpace(x.line))
        .Select(x => JsonSerializer.Deserialize<InjectionAttempt>(x.line, JsonOptions)
            ?? throw new InvalidDataException($"{path} line {x.index + 1}: not an injection attempt"))
        .ToList();

    public override string ToString() => Id;
}
