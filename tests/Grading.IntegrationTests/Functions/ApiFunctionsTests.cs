using System.Text.Json;
using System.Text.Json.Nodes;
using Grading.Core.Serialization;
using Grading.Functions.Http;
using Grading.IntegrationTests.LocalEngine;
using Grading.Orchestration.Api;

namespace Grading.IntegrationTests.Functions;

/// <summary>The HTTP trigger methods called with real requests and a real Durable client from the local engine on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApiFunctionsTests(AzuriteFixture azurite)
{
    private static string Row(string submissionId, string answer) => new JsonObject
    {
        ["submissionId"] = submissionId,
        ["question"] = "Why is the sky blue?",
        ["referenceAnswer"] = "Rayleigh scattering scatters short blue wavelengths more.",
        ["maxScore"] = 4,
        ["answer"] = answer,
    }.ToJsonString();

    [Fact]
    public async Task StartBatch_ThenGetBatchAndResults_CompletesThroughTheFunctionMethods()
    {
        await using var host = await FunctionsHostLease.StartAsync(azurite);
        var functions = new ApiFunctions(host.FunctionsApi);
        var body = $"{{\"rows\":[{Row("f-1", "Blue light scatters more.")},{Row("f-2", "Because of the sea.")}]}}";

        var request = host.Request("POST", "/api/batches", body);
        var (status, json, _) = await FunctionsHostLease.ExecuteAsync(request, await functions.StartBatch(request, host.Client, CancellationToken.None));

        Assert.Equal(202, status);
        var accepted = JsonSerializer.Deserialize<BatchAccepted>(json, GradingJson.Options)!;
        Assert.StartsWith("https://grading.example/api/batches/", accepted.StatusUrl);
        BatchStatusResponse? batch = null;
        for (var attempt = 0; attempt < 600 && batch?.Status is null or "pending" or "running"; attempt++)
        {
            await Task.Delay(attempt == 0 ? 0 : 250);
            var get = host.Request("GET", $"/api/batches/{accepted.Id}");
            var (getStatus, getJson, _) = await FunctionsHostLease.ExecuteAsync(get, await functions.GetBatch(get, accepted.Id, host.Client, CancellationToken.None));
            Assert.Equal(200, getStatus);
            batch = JsonSerializer.Deserialize<BatchStatusResponse>(getJson, GradingJson.Options);
        }

        Assert.Equal(("completed", 2), (batch!.Status, batch.Progress.Graded));
        var results = host.Request("GET", $"/api/batches/{accepted.Id}/results", query: "?format=csv");
        var (resultsStatus, csv, contentType) = await FunctionsHostLease.ExecuteAsync(results, await functions.GetBatchResults(results, accepted.Id, host.Client, CancellationToken.None));
        Assert.Equal((200, "text/csv; charset=utf-8"), (resultsStatus, contentType));
        Assert.Equal(3, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task GetBatch_IdWithDotDot_IsAProblemNamingTheId()
    {
        await using var host = await FunctionsHostLease.StartAsync(azurite);
        var functions = new ApiFunctions(host.FunctionsApi);

        var request = host.Request("GET", "/api/batches/..%2Fx");
        var (status, json, contentType) = await FunctionsHostLease.ExecuteAsync(request, await functions.GetBatch(request, "../x", host.Client, CancellationToken.None));

        Assert.Equal((400, ApiProblem.ContentType), (status, contentType));
        Assert.Equal("id", JsonSerializer.Deserialize<ApiProblem>(json, GradingJson.Options)!.Errors!.Single().Field);
    }

    [Fact]
    public async Task Health_Anonymous_AnswersOk()
    {
        await using var host = await FunctionsHostLease.StartAsync(azurite);
        var request = host.Request("GET", "/api/health");

        var (status, json, _) = await FunctionsHostLease.ExecuteAsync(request, new ApiFunctions(host.FunctionsApi).Health(request));

        Assert.Equal((200, "{\"status\":\"ok\"}"), (status, json));
    }
}
