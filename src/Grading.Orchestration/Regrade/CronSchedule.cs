using Cronos;

namespace Grading.Orchestration.Regrade;

/// <summary>
/// The re-grade cron expression, in either spelling: five fields (minute hour day month weekday) or the six of the
/// Azure Functions timer trigger (NCRONTAB, seconds first). Both hosts read the same setting. Times are UTC.
/// </summary>
public static class CronSchedule
{
    public static CronExpression Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CronExpression.Parse(expression.Trim(), fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
    }

    public static bool IsValid(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return false;
        }

        try
        {
            Parse(expression);
            return true;
        }
        catch (CronFormatException)
        {
            return false;
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when the expression never fires again.</summary>
    public static DateTimeOffset? NextAfter(string expression, DateTimeOffset after) =>
        Parse(expression).GetNextOccurrence(after, TimeZoneInfo.Utc, inclusive: false);
}
