using Grading.Cli.Commands;

namespace Grading.Cli.Tests.Commands;

public sealed class BenchHttpSettingsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:7071")]
    [InlineData("http://localhost:7071/")]
    [InlineData("http://[::1]:7071")]
    [InlineData("http://127.0.0.2:7071")]
    public void TargetProblem_Loopback_IsNone(string url) => Assert.Null(BenchHttpCommand.Settings.TargetProblem(url));

    [Theory]
    [InlineData("http://0.0.0.0:7071", "not a loopback address")]
    [InlineData("http://192.168.1.5:7071", "not a loopback address")]
    [InlineData("https://grading.example.com", "not a loopback address")]
    [InlineData("ftp://127.0.0.1/", "not an http")]
    [InlineData("127.0.0.1:7071", "not an http")]
    public void TargetProblem_OffLoopbackOrNotHttp_IsRefused(string url, string reason) =>
        Assert.Contains(reason, BenchHttpCommand.Settings.TargetProblem(url), StringComparison.Ordinal);

    [Theory]
    [InlineData(0, 60, 3)]
    [InlineData(201, 60, 3)]
    [InlineData(50, 0, 3)]
    [InlineData(50, 301, 3)]
    [InlineData(50, 60, 0)]
    [InlineData(50, 60, 11)]
    public void Validate_OutsideTheBounds_IsAnError(int clients, int seconds, int rounds) =>
        Assert.False(new BenchHttpCommand.Settings { Clients = clients, Seconds = seconds, Rounds = rounds }.Validate().Successful);

    [Fact]
    public void Validate_Defaults_AreFiftyClientsSixtySecondsThreeRounds()
    {
        var settings = new BenchHttpCommand.Settings();

        Assert.True(settings.Validate().Successful);
        Assert.Equal((50, 60, 3), (settings.Clients, settings.Seconds, settings.Rounds));
    }
}
