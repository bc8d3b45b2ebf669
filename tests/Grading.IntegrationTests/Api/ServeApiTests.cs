using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grading.Core.Domain;
using Grading.Core.Grading;
using Grading.Core.Serialization;
using Grading.IntegrationTests.LocalEngine;
using Grading.IntegrationTests.Pipeline;
using Grading.Orchestration.Api;
using Grading.Orchestration.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Grading.IntegrationTests.Api;

/// <summary>The HTTP API of <c>grading serve</c> over real HTTP on loopback, with the real engine on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServeApiTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan BatchTimeout = TimeSpan.FromMinutes(3);

    private static JsonObject Row(string submissionId, string answer) => new()
    {
        ["submissionId"] = submissionId,
        ["question"] = "What does TCP provide?",
        ["referenceAnswer"] = "Reliable, ordered delivery of a byte stream.",
        ["maxScore"] = 5,
        ["answer"] = answer,
    };

    [Fact]
    public async Task Grade_InlineQuestion_ReturnsTheGrade()
    {
        await using var host = await ServeHostLease.StartAsync(azurite);

        using var response = await host.Client.PostAsync("/api/grade", ServeHostLease.Json(Row("s-1", "Reliable ordered delivery of bytes.")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var grade = await ServeHostLease.ReadAsync<Grade>(response);
        Assert.Equal(("s-1", 5.0), (grade.SubmissionId, grade.MaxScore));
        Assert.InRange(grade.Score, 0, 5);
        Assert.Equal(host.Services.GetRequiredService<IGrader>().Name, grade.Grader);
    }

    [Fact]
    public async Task Grade_QuestionFromStoredAssignment_UsesItsQuestion()
    {
        await using var host = await ServeHostLease.StartAsync(azurite);
        var assignmentId = GeneratedBatches.NewAssignmentId();
        var storage = host.Services.GetRequiredService<GradingStorage>();
        await storage.EnsureContainersAsync();
        await storage.UploadAsync(Containers.Assignments, assignmentId + ".json", new BinaryData(GeneratedBatches.AssignmentJson(assignmentId)));
        var question = GeneratedBatches.Assignment(assignmentId).Questions[0];

        using var response = await host.Client.PostAsync("/api/grade", ServeHostLease.Json(new JsonObject
        {
            ["assignmentId"] = assignmentId, ["questionId"] = question.Id, ["answer"] = question.ReferenceAnswers[0],
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var grade = await ServeHostLease.ReadAsync<Grade>(response);
        Assert.Equal((assignmentId, question.Id, question.MaxScore), (grade.AssignmentId, grade.QuestionId, grade.MaxScore));
    }

    [Fact]
    public async Task StartBatch_InlineRows_CompletesWithResultsInBothFormats()
    {
        await using var host = await ServeHostLease.StartAsync(azurite);
        var rows = new JsonArray(Row("a-1", "Reliable delivery."), Row("a-2", "It is a colour."), Row("a-3", ""), Row("a-4", "Ordered bytes, reliably."));

        using var started = await host.Client.PostAsync("/api/batches", ServeHostLease.Json(new JsonObject { ["rows"] = rows }));

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var accepted = await ServeHostLease.ReadAsync<BatchAccepted>(started);
        Assert.Equal(accepted.StatusUrl, started.Headers.Location?.ToString());
        var status = await host.WaitAsync(accepted.Id, BatchTimeout);
        Assert.Equal("completed", status.Status);
        Assert.Equal((3, 3, 0, 1), (status.Progress.Total, status.Progress.Graded, status.Progress.Failed, status.Progress.Rejected));

        using var jsonl = await host.Client.GetAsync(accepted.ResultsUrl + "?format=jsonl");
        Assert.Equal("application/x-ndjson", jsonl.Content.Headers.ContentType?.MediaType);
        var grades = (await jsonl.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<Grade>(line, GradingJson.Options)!).ToList();
        Assert.Equal(["a-1", "a-2", "a-4"], grades.Select(g => g.SubmissionId).Order());

        using var csv = await host.Client.GetAsync(accepted.ResultsUrl + "?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("submissionId,", lines[0]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public async Task CancelBatch_RunningBatch_StatusSaysCanceledAndResultsAreRefused()
    {
        await using var host = await ServeHostLease.StartAsync(
            azurite,
            configuration: new Dictionary<string, string?> { ["Grading:ChunkSize"] = "1", ["Grading:MaxParallelChunks"] = "1" },
            configureServices: services => services.AddSingleton<IGrader>(new SlowGrader(TimeSpan.FromSeconds(2))));
        var rows = new JsonArray(Enumerable.Range(0, 20).Select(i => (JsonNode)Row($"c-{i}", "Reliable delivery.")).ToArray());
        using var started = await host.Client.PostAsync("/api/batches", ServeHostLease.Json(new JsonObject { ["rows"] = rows }));
        var accepted = await ServeHostLease.ReadAsync<BatchAccepted>(started);

        using var canceled = await host.Client.PostAsync(accepted.CancelUrl, null);

        Assert.Equal(HttpStatusCode.Accepted, canceled.StatusCode);
        var status = await host.WaitAsync(accepted.Id, BatchTimeout);
        Assert.Equal(("canceled", "Terminated"), (status.Status, status.RuntimeStatus));
        Assert.True(status.Progress.Graded < 20, $"the batch finished before the cancel: {status.Progress.Graded} graded");
        using var results = await host.Client.GetAsync(accepted.ResultsUrl);
        Assert.Equal(HttpStatusCode.Conflict, results.StatusCode);
        using var again = await host.Client.PostAsync(accepted.CancelUrl, null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Routes_BadInput_AnswerProblemDetailsNamingTheField()
    {
        await using var host = await ServeHostLease.StartAsync(azurite, configuration: new Dictionary<string, string?> { ["Grading:Api:MaxRequestBodyBytes"] = "4096", ["Grading:MaxAnswerLength"] = "100" });
        var cases = new (string Name, Func<Task<HttpResponseMessage>> Send, HttpStatusCode Status, string Field)[]
        {
            ("malformed JSON", () => host.Client.PostAsync("/api/grade", new StringContent("{\"answer\": ", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "body"),
            ("array body", () => host.Client.PostAsync("/api/grade", new StringContent("[1]", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "body"),
            ("missing answer", () => host.Client.PostAsync("/api/grade", ServeHostLease.Json(new JsonObject { ["question"] = "Q?", ["referenceAnswer"] = "A", ["maxScore"] = 2 })), HttpStatusCode.BadRequest, "answer"),
            ("wrong type", () => host.Client.PostAsync("/api/grade", ServeHostLease.Json(new JsonObject { ["question"] = "Q?", ["referenceAnswer"] = "A", ["maxScore"] = true, ["answer"] = "x" })), HttpStatusCode.BadRequest, "maxScore"),
            ("missing question", () => host.Client.PostAsync("/api/grade", ServeHostLease.Json(new JsonObject { ["answer"] = "x" })), HttpStatusCode.BadRequest, "questionId"),
            ("unknown field", () => host.Client.PostAsync("/api/grade", ServeHostLease.Json(new JsonObject { ["answr"] = "x" })), HttpStatusCode.BadRequest, "answr"),
            ("unknown grader", () => host.Client.PostAsync("/api/grade", ServeHostLease.Json(new JsonObject { ["answer"] = "x", ["grader"] = "magic" })), HttpStatusCode.BadRequest, "grader"),
            ("answer over the answer limit", () => host.Client.PostAsync("/api/grade", ServeHostLease.Json(Row("s", new string('x', 200)))), HttpStatusCode.BadRequest, "answer"),
            ("body over the limit", () => host.Client.PostAsync("/api/grade", ServeHostLease.Json(Row("s", new string('x', 25_000)))), HttpStatusCode.RequestEntityTooLarge, "body"),
            ("unknown assignment", () => host.Client.PostAsync("/api/grade", ServeHostLease.Json(new JsonObject { ["assignmentId"] = "no-such-assignment", ["questionId"] = "q1", ["answer"] = "x" })), HttpStatusCode.NotFound, "assignmentId"),
            ("rows not an array", () => host.Client.PostAsync("/api/batches", ServeHostLease.Json(new JsonObject { ["rows"] = "a,b" })), HttpStatusCode.BadRequest, "rows"),
            ("no rows", () => host.Client.PostAsync("/api/batches", ServeHostLease.Json(new JsonObject())), HttpStatusCode.BadRequest, "rows"),
            ("blob escaping", () => host.Client.PostAsync("/api/batches", ServeHostLease.Json(new JsonObject { ["blob"] = "../reports/x.csv" })), HttpStatusCode.BadRequest, "blob"),
            ("missing blob", () => host.Client.PostAsync("/api/batches", ServeHostLease.Json(new JsonObject { ["blob"] = "quiz/none.csv" })), HttpStatusCode.NotFound, "blob"),
            ("unknown batch", () => host.Client.GetAsync("/api/batches/no-such-batch"), HttpStatusCode.NotFound, "id"),
            ("batch id with ../", () => host.Client.GetAsync("/api/batches/..%2F..%2Fsecrets"), HttpStatusCode.BadRequest, "id"),
            ("results of unknown batch", () => host.Client.GetAsync("/api/batches/no-such-batch/results"), HttpStatusCode.NotFound, "id"),
            ("results format", () => host.Client.GetAsync("/api/batches/no-such-batch/results?format=xml"), HttpStatusCode.BadRequest, "format"),
            ("cancel unknown batch", () => host.Client.PostAsync("/api/batches/no-such-batch/cancel", null), HttpStatusCode.NotFound, "id"),
        };

        foreach (var (name, send, expectedStatus, field) in cases)
        {
            using var response = await send();
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(expectedStatus == response.StatusCode, $"{name}: expected {(int)expectedStatus}, got {(int)response.StatusCode}: {body}");
            Assert.True(response.Content.Headers.ContentType?.MediaType == ApiProblem.ContentType, $"{name}: content type {response.Content.Headers.ContentType}");
            var problem = JsonSerializer.Deserialize<ApiProblem>(body, GradingJson.Options)!;
            Assert.Equal((int)expectedStatus, problem.Status);
            Assert.True(problem.Errors?.Any(e => e.Field == field) == true, $"{name}: no error names '{field}': {body}");
        }
    }

    [Fact]
    public async Task Routes_ApiKeySet_RefuseRequestsWithoutItExceptHealth()
    {
        const string key = "test-key-7f3a";
        await using var host = await ServeHostLease.StartAsync(azurite, apiKey: key);

        using var withoutKey = await host.Client.GetAsync("/api/openapi.json");
        using var wrongKey = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/openapi.json") { Headers = { { "x-functions-key", "nope" } } });
        using var header = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/openapi.json") { Headers = { { "x-functions-key", key } } });
        using var query = await host.Client.GetAsync($"/api/openapi.json?code={key}");
        using var grade = await host.Client.PostAsync("/api/grade", ServeHostLease.Json(Row("s", "x")));
        using var health = await host.Client.GetAsync("/api/health");

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.OK],
            new[] { withoutKey, wrongKey, header, query, grade, health }.Select(r => r.StatusCode));
        Assert.Equal(ApiProblem.ContentType, withoutKey.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await header.Content.ReadAsStringAsync());
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/api/batches/{id}/cancel", out _));
    }
}
