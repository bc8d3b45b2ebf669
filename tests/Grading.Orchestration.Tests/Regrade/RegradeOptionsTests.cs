using System.ComponentModel.DataAnnotations;
using Grading.Orchestration.Regrade;

namespace Grading.Orchestration.Tests.Regrade;

public sealed class RegradeOptionsTests
{
    [Theory]
    [InlineData("0 2 * * *")]
    [InlineData("0 0 2 * * *")]
    [InlineData("*/30 * * * *")]
    public void Validate_FiveOrSixFieldCron_IsValid(string cron)
    {
        Assert.Empty(Validate(new RegradeOptions { Cron = cron }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("nightly")]
    [InlineData("0 25 * * *")]
    [InlineData("0 2 * *")]
    public void Validate_NotACronExpression_NamesTheSettingAndTheValue(string cron)
    {
        var error = Assert.Single(Validate(new RegradeOptions { Cron = cron }));

        Assert.Contains("Grading:Regrade:Cron", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains($"'{cron}'", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_AreNightlyWithoutNeedsReview()
    {
        var options = new RegradeOptions();

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero), CronSchedule.NextAfter(options.Cron, new DateTimeOffset(2026, 11, 29, 3, 0, 0, TimeSpan.Zero)));
        Assert.False(options.IncludeNeedsReview);
    }

    private static List<ValidationResult> Validate(RegradeOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
