using Grading.Cli.Hosting;
using Grading.IntegrationTests.LocalEngine;

namespace Grading.IntegrationTests.Commands;

/// <summary><c>grading serve</c> listens on loopback unless told otherwise, and then only with an API key.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServeAccessTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://*:0")]
    [InlineData("http://127.0.0.1:0;http://[::]:0")]
    public async Task Serve_OffLoopbackWithoutKey_RefusesToStart(string urls)
    {
        var result = await GradingProcess.RunAsync(azurite.RepositoryRoot, "serve", "--urls", urls);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--api-key", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Listening on", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_OffLoopbackWithoutKey_ThrowsBeforeListening()
    {
        await using var hub = azurite.CreateTaskHub();
        var options = new LocalHostOptions(hub.Options.StorageConnectionString, hub.Options.TaskHubName);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => ServeHost.StartAsync(options, new ServeOptions(["http://0.0.0.0:0"], ApiKey: null)));

        Assert.Contains("reachable from other machines", error.Message, StringComparison.Ordinal);
    }
}
