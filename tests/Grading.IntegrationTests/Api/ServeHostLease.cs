using System.Net.Http.Json;
using System.Text.Json;
using Grading.Cli.Hosting;
using Grading.Core.Serialization;
using Grading.IntegrationTests.LocalEngine;
using Grading.Orchestration.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Grading.IntegrationTests.Api;

/// <summary><c>grading serve</c>'s host in this process on a free loopback port and a task hub of its own, with a client for it.</summary>
public sealed class ServeHostLease : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TaskHubLease hub;

    private ServeHostLease(WebApplication app, TaskHubLease hub, HttpClient client)
    {
        this.app = app;
        this.hub = hub;
        Client = client;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<ServeHostLease> StartAsync(
        AzuriteFixture azurite,
        string? apiKey = null,
        IReadOnlyDictionary<string, string?>? configuration = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var hub = azurite.CreateTaskHub();
        // The upload scanner is off unless a test turns it on: Azurite's submissions container is shared by every test.
        var settings = new Dictionary<string, string?> { ["Grading:Uploads:Scan"] = "false" };
        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var options = new LocalHostOptions(hub.Options.StorageConnectionString, hub.Options.TaskHubName) { Configuration = settings };
        var app = await ServeHost.StartAsync(options, new ServeOptions(["http://127.0.0.1:0"], apiKey), configureServices);
        var address = ServeHost.Addresses(app).Single();
        return new ServeHostLease(app, hub, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) });
    }

    /// <summary>A JSON request body.</summary>
    public static StringContent Json(System.Text.Json.Nodes.JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(GradingJson.Options))!;

    /// <summary>Polls GET /api/batches/{id} until the batch exists and is no longer running.</summary>
    public async Task<BatchStatusResponse> WaitAsync(string batchId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await Client.GetAsync($"/api/batches/{batchId}");
            if (response.StatusCode != System.Net.HttpStatusCode.NotFound)
            {
                response.EnsureSuccessStatusCode();
                var status = await ReadAsync<BatchStatusResponse>(response);
                if (status.Status is not ("pending" or "running"))
                {
                    return status;
                }

                Assert.True(DateTime.UtcNow < deadline, $"batch {batchId} still {status.Status} after {timeout}: {JsonSerializer.Serialize(status)}");
            }

            Assert.True(DateTime.UtcNow < deadline, $"batch {batchId} did not appear within {timeout}");
            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.StopAsync(timeout.Token);
        await app.DisposeAsync();
        await hub.DisposeAsync();
    }
}
