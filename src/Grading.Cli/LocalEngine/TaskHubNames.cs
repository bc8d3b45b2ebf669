namespace Grading.Cli.LocalEngine;

/// <summary>Task hub names the Azure Storage provider accepts (they become queue, table and container names).</summary>
public static class TaskHubNames
{
    public const int MaxLength = 45;

    public static bool IsValid(string? name) =>
        name is { Length: >= 3 and <= MaxLength }
        && char.IsAsciiLetter(name[0])
        && name.All(char.IsAsciiLetterOrDigit);

    /// <summary>A fresh, valid hub name, so concurrent runs and tests never share queues.</summary>
    public static string CreateUnique(string prefix = "hub")
    {
        string candidate = prefix + Guid.NewGuid().ToString("N");
        candidate = candidate.Length > MaxLength ? candidate[..MaxLength] : candidate;
        if (!IsValid(candidate))
        {
            throw new ArgumentException($"Prefix '{prefix}' must start with a letter and hold only letters and digits.", nameof(prefix));
        }

        return candidate;
    }
}
