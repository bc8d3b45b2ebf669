using System.ComponentModel.DataAnnotations;

namespace Grading.Orchestration.Regrade;

/// <summary>Settings under "Grading:Regrade": when the scheduled re-grade runs and what it takes. Validated at start.</summary>
public sealed class RegradeOptions : IValidatableObject
{
    public const string SectionName = "Grading:Regrade";

    /// <summary>The cron setting's full name; the Functions timer trigger binds to it as <c>%Grading:Regrade:Cron%</c>.</summary>
    public const string CronSetting = SectionName + ":" + nameof(Cron);

    /// <summary>
    /// When the timer re-grades, in UTC: five cron fields, or six with seconds first as the Azure Functions timer
    /// trigger spells it. Default: nightly at 02:00.
    /// </summary>
    public string Cron { get; set; } = "0 0 2 * * *";

    /// <summary>Whether the scheduled re-grade also takes grades flagged needsReview (each once per grading input).</summary>
    public bool IncludeNeedsReview { get; set; }

    /// <summary>Starts of the same re-grade (same assignment, reason and review choice) within one slot share one instance.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan InstanceSlot { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!CronSchedule.IsValid(Cron))
        {
            yield return new ValidationResult(
                $"{SectionName}:Cron '{Cron}' is not a cron expression: use five fields (\"0 2 * * *\") or six with seconds first (\"0 0 2 * * *\").",
                [nameof(Cron)]);
        }
    }
}
