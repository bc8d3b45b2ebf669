using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Grading.IntegrationTests.LocalEngine;
using Grading.IntegrationTests.Pipeline;
using Grading.Orchestration.Api;
using Grading.Orchestration.Regrade;
using Grading.Orchestration.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Grading.IntegrationTests.Api;

/// <summary>POST /api/regrade and GET /api/regrades/{id} of <c>grading serve</c>, over real HTTP, on the real engine.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RegradeApiTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task StartRegrade_AfterABatch_CompletesCheckingEveryGradeAndRegradingNoneUnchanged()
    {
        await using var host = await ServeHostLease.StartAsync(azurite);
        var assignmentId = GeneratedBatches.NewAssignmentId();
        var storage = host.Services.GetRequiredService<GradingStorage>();
        await storage.EnsureContainersAsync();
        await storage.UploadAsync(Containers.Assignments, assignmentId + ".json", new BinaryData(GeneratedBatches.AssignmentJson(assignmentId)));
        var question = GeneratedBatches.Assignment(assignmentId).Questions[0];
        var rows = new JsonArray(
            Enumerable.Range(1, 5).Select(i => (JsonNode)new JsonObject
            {
                ["submissionId"] = $"r-{i}",
                ["questionId"] = question.Id,
                ["answer"] = $"{question.ReferenceAnswers[0]} ({i})",
            }).ToArray());
        using var batch = await host.Client.PostAsync("/api/batches", ServeHostLease.Json(new JsonObject { ["rows"] = rows, ["assignmentId"] = assignmentId }));
        Assert.Equal(HttpStatusCode.Accepted, batch.StatusCode);
        Assert.Equal("completed", (await host.WaitAsync((await ServeHostLease.ReadAsync<BatchAccepted>(batch)).Id, Timeout)).Status);

        using var started = await host.Client.PostAsync("/api/regrade", ServeHostLease.Json(new JsonObject { ["assignmentId"] = assignmentId, ["reason"] = "rubric reviewed" }));

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var accepted = await ServeHostLease.ReadAsync<RegradeAccepted>(started);
        Assert.Equal(accepted.StatusUrl, started.Headers.Location?.ToString());
        var status = await WaitAsync(host, accepted.StatusUrl);
        Assert.Equal("Completed", status.RuntimeStatus);
        var regrade = Assert.Single(status.Result!.Assignments);
        Assert.Equal((assignmentId, 5, 0, 0), (regrade.AssignmentId, regrade.Checked, regrade.Stale, regrade.Regraded));
    }

    [Fact]
    public async Task StartRegrade_SameRequestTwice_ReturnsTheSameRegrade()
    {
        await using var host = await ServeHostLease.StartAsync(azurite);
        var body = new JsonObject { ["assignmentId"] = GeneratedBatches.NewAssignmentId(), ["reason"] = "teacher asked", ["includeNeedsReview"] = true };

        using var first = await host.Client.PostAsync("/api/regrade", ServeHostLease.Json(body.DeepClone()));
        using var second = await host.Client.PostAsync("/api/regrade", ServeHostLease.Json(body.DeepClone()));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, second.StatusCode));
        var accepted = await ServeHostLease.ReadAsync<RegradeAccepted>(first);
        Assert.Equal(accepted.Id, (await ServeHostLease.ReadAsync<RegradeAccepted>(second)).Id);
        // The one regrade runs to its end (nothing to grade); stopping the engine while it was still in flight made
        // the graceful stop outlast the host's shutdown timeout now and then.
        Assert.Equal("Completed", (await WaitAsync(host, accepted.StatusUrl)).RuntimeStatus);
    }

    [Theory]
    [InlineData("{\"assignmentId\":\"a1\"}", "reason")]
    [InlineData("{\"reason\":\"x\",\"includeNeedsReview\":\"yes\"}", "includeNeedsReview")]
    [InlineData("{\"reason\":\"x\",\"assignmentId\":\"../etc\"}", "assignmentId")]
    [InlineData("{\"reason\":\"x\",\"assignment\":\"a1\"}", "assignment")]
    [InlineData("{\"reason\":", "body")]
    public async Task StartRegrade_BadBody_ProblemNamesTheField(string body, string field)
    {
        await using var host = await ServeHostLease.StartAsync(azurite);

        using var response = await host.Client.PostAsync("/api/regrade", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ApiProblem.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("regrade-nobody-20260101T0000-00000000", HttpStatusCode.NotFound)]
    [InlineData("batch-1", HttpStatusCode.BadRequest)]
    public async Task GetRegrade_UnknownOrForeignId_Problem(string id, HttpStatusCode expected)
    {
        await using var host = await ServeHostLease.StartAsync(azurite);

        using var response = await host.Client.GetAsync($"/api/regrades/{id}");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(ApiProblem.ContentType, response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<RegradeStatus> WaitAsync(ServeHostLease host, string statusUrl)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            using var response = await host.Client.GetAsync(statusUrl);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var status = await ServeHostLease.ReadAsync<RegradeStatus>(response);
            if (status.IsFinished)
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"re-grade still {status.RuntimeStatus} after {Timeout}");
            await Task.Delay(250);
        }
    }
}
