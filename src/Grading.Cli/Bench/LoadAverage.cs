using System.Globalization;

namespace Grading.Cli.Bench;

/// <summary>
/// The machine's 1, 5 and 15 minute load averages where the OS reports them (Linux): a speed figure measured on a
/// shared machine needs them beside it to be read at all.
/// </summary>
internal static class LoadAverage
{
    private const string ProcFile = "/proc/loadavg";

    /// <summary>The three averages as the OS writes them ("0.52", "1.10", "0.97"), or null where there are none.</summary>
    public static string[]? Read()
    {
        try
        {
            return File.Exists(ProcFile) ? File.ReadAllText(ProcFile).Split(' ').Take(3).ToArray() : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The 1-minute average as a number, or null.</summary>
    public static double? OneMinute() =>
        Read() is [var first, ..] && double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
