using System.Text.RegularExpressions;

namespace Grading.Core.Batches;

/// <summary>
/// Identifiers end up in blob names (grades/{assignmentId}/{submissionId}.json), so only a safe alphabet is
/// accepted: letters, digits, '.', '_' and '-', starting with a letter or digit, at most 128 characters.
/// That rules out "../", slashes, spaces and control characters by construction.
/// </summary>
public static partial class Identifiers
{
    public const int MaxLength = 128;

    public static bool IsValid(string? value) => value is not null && SafeId().IsMatch(value) && !value.Contains("..", StringComparison.Ordinal);

    /// <summary>An identifier made from a file or folder name (<see cref="Sanitise"/>, at most 40 characters); <paramref name="fallback"/> when nothing usable is left.</summary>
    public static string FromName(string name, string fallback) =>
        Sanitise(name, 40) is var safe && IsValid(safe) ? safe : fallback;

    /// <summary>A name in the identifier alphabet: runs of other characters become '-', leading and trailing '-' and '.' are dropped, at most <paramref name="maxLength"/> characters kept. May be empty.</summary>
    public static string Sanitise(string name, int maxLength)
    {
        var safe = UnsafeCharacters().Replace(name, "-").Trim('-', '.');
        return safe.Length > maxLength ? safe[..maxLength] : safe;
    }

    public static string Describe => "letters, digits, '.', '_' or '-', starting with a letter or digit, at most 128 characters, no '..'";

    // \z, not $: '$' also matches before a final "\n", which would let "s1\n" through.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SafeId();

    [GeneratedRegex("[^A-Za-z0-9_-]+")]
    private static partial Regex UnsafeCharacters();
}
