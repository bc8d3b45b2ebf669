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

    public static string Describe => "letters, digits, '.', '_' or '-', starting with a letter or digit, at most 128 characters, no '..'";

    // \z, not $: '$' also matches before a final "\n", which would let "s1\n" through.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SafeId();
}
