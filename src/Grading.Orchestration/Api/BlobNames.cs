namespace Grading.Orchestration.Api;

/// <summary>
/// Blob names a request may name: relative, no '..' segment, no backslash, '%' or control characters. '%' is refused
/// so that no layer (SDK, proxy, portal link) can decode "%2e%2e/" into a '..' segment after this check.
/// </summary>
public static class BlobNames
{
    public const int MaxLength = 1024;

    public static string Describe => "a relative path such as 'quiz-1/week3.csv': no leading '/', no '..' or empty segments, no '\\', '%' or control characters, at most 1,024 characters";

    public static bool IsSafe(string? name) =>
        !string.IsNullOrWhiteSpace(name)
        && name.Length <= MaxLength
        && !name.Contains('\\')
        && !name.Contains('%')
        && !name.Any(char.IsControl)
        && name.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != "..");
}
