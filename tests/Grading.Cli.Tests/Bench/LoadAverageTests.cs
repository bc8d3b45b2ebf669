using System.Globalization;
using Grading.Cli.Bench;

namespace Grading.Cli.Tests.Bench;

public sealed class LoadAverageTests
{
    [Fact]
    public void Read_OnLinux_IsTheThreeAveragesOfProcLoadavg()
    {
        Assert.True(OperatingSystem.IsLinux(), "the benchmarks' load average is read from /proc/loadavg");

        var averages = LoadAverage.Read();

        Assert.NotNull(averages);
        Assert.Equal(3, averages.Length);
        Assert.All(averages, a => Assert.True(double.Parse(a, CultureInfo.InvariantCulture) >= 0, a));
    }

    [Fact]
    public void OneMinute_OnLinux_IsTheFirstAverageAsANumber()
    {
        var oneMinute = LoadAverage.OneMinute();

        Assert.NotNull(oneMinute);
        Assert.InRange(oneMinute.Value, 0, 10_000);
    }
}
