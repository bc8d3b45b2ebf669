using Grading.Cli.Hosting;

namespace Grading.Cli.Tests.Hosting;

public sealed class ServeOptionsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:7071")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://[::1]:5000")]
    [InlineData("http://127.0.0.1:0;http://localhost:0")]
    public void Problem_LoopbackWithoutKey_IsNone(string urls) =>
        Assert.Null(new ServeOptions(ServeOptions.ParseUrls(urls), null).Problem());

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://*:8080")]
    [InlineData("http://127.0.0.1:7071;http://192.168.1.5:80")]
    public void Problem_OffLoopbackWithoutKey_AsksForTheKey(string urls) =>
        Assert.Contains("--api-key", new ServeOptions(ServeOptions.ParseUrls(urls), null).Problem());

    [Fact]
    public void Problem_OffLoopbackWithKey_IsNone() =>
        Assert.Null(new ServeOptions(ServeOptions.ParseUrls("http://0.0.0.0:8080"), "k").Problem());

    [Fact]
    public void ParseUrls_Nothing_IsLoopbackDefault() =>
        Assert.Equal([ServeOptions.DefaultUrl], ServeOptions.ParseUrls(null));
}
