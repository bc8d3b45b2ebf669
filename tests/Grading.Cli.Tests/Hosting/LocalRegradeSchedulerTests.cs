using Grading.Cli.Hosting;
using Grading.Orchestration.Regrade;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Grading.Cli.Tests.Hosting;

public sealed class LocalRegradeSchedulerTests
{
    [Theory]
    [InlineData("0 0 2 * * *", "2026-11-29T01:30:00Z", "2026-11-29T02:00:00Z")]
    [InlineData("0 2 * * *", "2026-11-29T01:30:00Z", "2026-11-29T02:00:00Z")]
    [InlineData("0 2 * * *", "2026-11-29T02:00:00Z", "2026-11-30T02:00:00Z")]
    [InlineData("0 2 * * *", "2026-11-29T02:00:01Z", "2026-11-30T02:00:00Z")]
    [InlineData("*/15 * * * *", "2026-11-29T10:07:00Z", "2026-11-29T10:15:00Z")]
    [InlineData("30 3 * * 1", "2026-11-29T12:00:00Z", "2026-11-30T03:30:00Z")]
    public void NextFire_CronAndNow_IsTheNextOccurrenceInUtc(string cron, string now, string expected)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        var next = Scheduler(cron, clock).NextFire();

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Fact]
    public void NextFire_ClockPassesAnOccurrence_MovesToTheOneAfter()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 1, 0, 0, TimeSpan.Zero));
        var scheduler = Scheduler("0 2 * * *", clock);
        var first = scheduler.NextFire();

        clock.Advance(TimeSpan.FromHours(1));
        var atOccurrence = scheduler.NextFire();

        Assert.Equal(new DateTimeOffset(2026, 11, 29, 2, 0, 0, TimeSpan.Zero), first);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero), atOccurrence);
    }

    [Fact]
    public void NextFire_ExpressionThatNeverFiresAgain_IsNull()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 1, 0, 0, TimeSpan.Zero));

        Assert.Null(Scheduler("0 0 30 2 *", clock).NextFire());
    }

    private static LocalRegradeScheduler Scheduler(string cron, TimeProvider clock) =>
        new(null!, Microsoft.Extensions.Options.Options.Create(new RegradeOptions { Cron = cron }), clock, NullLogger<LocalRegradeScheduler>.Instance);
}
