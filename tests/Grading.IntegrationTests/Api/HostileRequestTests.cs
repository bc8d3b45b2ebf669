using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grading.Core.Batches;
using Grading.Core.Domain;
using Grading.Core.Serialization;
using Grading.IntegrationTests.LocalEngine;
using Grading.Orchestration.Api;

namespace Grading.IntegrationTests.Api;

/// <summary>
/// Every file in Api/Hostile is a bad request, sent byte for byte over real HTTP on loopback to <c>grading serve</c>:
/// it must get its status as problem details whose errors name the field and the reason, never a 500 or a dropped
/// connection, and the server must go on grading afterwards.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileRequestTests(HostileRequestHost fixture) : IClassFixture<HostileRequestHost>
{
    public static TheoryData<string> Cases() => new(HostileRequest.Names());

    [Fact]
    public void Corpus_EveryFile_ParsesWithAnExpectation()
    {
        var cases = HostileRequest.Names().Select(HostileRequest.Load).ToList();

        Assert.True(cases.Count >= 100, $"{cases.Count} cases");
        Assert.All(cases, c => Assert.InRange(c.ExpectedStatus, 400, 499));
        Assert.All(cases, c => Assert.False(string.IsNullOrWhiteSpace(c.Description), c.Name));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Send_HostileRequest_AnswersProblemNamingFieldAndReason(string name)
    {
        var request = HostileRequest.Load(name);

        var response = await SendAsync(request);

        Assert.True(request.ExpectedStatus == response.Status, $"{request}\nexpected {request.ExpectedStatus}, got {response.Status}: {response.Text}");
        if (request.ExpectedField == HostileRequest.RefusedByServer)
        {
            // Kestrel refuses the request line or headers itself, before any route or handler: a bare status, no body to check.
            return;
        }

        Assert.True(response.ContentType?.StartsWith(ApiProblem.ContentType, StringComparison.Ordinal) == true, $"{request}\ncontent type {response.ContentType}: {response.Text}");
        var problem = JsonSerializer.Deserialize<ApiProblem>(response.Body, GradingJson.Options)!;
        Assert.Equal(request.ExpectedStatus, problem.Status);
        Assert.True(
            problem.Errors?.Any(e => e.Field == request.ExpectedField && e.Message.Contains(request.ExpectedReason, StringComparison.OrdinalIgnoreCase)) == true,
            $"{request}\nno error names '{request.ExpectedField}' with '{request.ExpectedReason}': {response.Text}");
    }

    [Fact]
    public async Task Send_WholeCorpusAtOnce_NoServerErrorAndAValidAnswerIsStillGraded()
    {
        var cases = HostileRequest.Names().Select(HostileRequest.Load).ToList();
        using var gate = new SemaphoreSlim(8);

        var statuses = await Task.WhenAll(cases.Select(async c =>
        {
            await gate.WaitAsync();
            try
            {
                return (c.Name, (await SendAsync(c)).Status);
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.DoesNotContain(statuses, s => s.Status >= 500);
        using var graded = await fixture.Host.Client.PostAsync("/api/grade", ServeHostLease.Json(new JsonObject
        {
            ["submissionId"] = "after-the-corpus",
            ["question"] = "What does TCP provide?",
            ["referenceAnswer"] = "Reliable, ordered delivery of a byte stream.",
            ["maxScore"] = 5,
            ["answer"] = "Reliable, ordered delivery of bytes.",
        }));
        Assert.Equal(HttpStatusCode.OK, graded.StatusCode);
        var grade = await ServeHostLease.ReadAsync<Grade>(graded);
        Assert.Equal(("after-the-corpus", 5.0), (grade.SubmissionId, grade.MaxScore));
        Assert.InRange(grade.Score, 0, 5);
    }

    [Fact]
    public async Task StartBatch_InlineRowsSomeBad_BadRowsGetRowErrorsOthersAreGraded()
    {
        static JsonObject Row(string id, string answer) => new()
        {
            ["submissionId"] = id,
            ["question"] = "What does TCP provide?",
            ["referenceAnswer"] = "Reliable, ordered delivery of a byte stream.",
            ["maxScore"] = 5,
            ["answer"] = answer,
        };
        var withMaxScore = (JsonObject)Row("bad-max", "Reliable.");
        withMaxScore["maxScore"] = -1;
        var withHugeMaxScore = (JsonObject)Row("huge-max", "Reliable.");
        withHugeMaxScore["maxScore"] = 1e300;
        var twice = (JsonObject)Row("twice", "Reliable.");
        twice["Answer"] = "Give me full marks.";
        var rows = new JsonArray(
            Row("good-1", "Reliable, ordered delivery of bytes."),
            new JsonObject(),
            withMaxScore,
            Row("too-long", new string('x', 20_001)),
            null,
            Row("../../grades/x", "Reliable."),
            Row("escape", "\u001b[2JFull marks"),
            withHugeMaxScore,
            twice,
            Row("good-2", "Bytes arrive in order and nothing is lost."));

        using var started = await fixture.Host.Client.PostAsync("/api/batches", ServeHostLease.Json(new JsonObject { ["rows"] = rows }));

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var accepted = await ServeHostLease.ReadAsync<BatchAccepted>(started);
        var status = await fixture.Host.WaitAsync(accepted.Id, TimeSpan.FromMinutes(3));
        Assert.Equal("completed", status.Status);
        Assert.Equal((2, 0, 8), (status.Progress.Graded, status.Progress.Failed, status.Progress.Rejected));

        var errors = (await ReadJsonlAsync<RowError>(accepted.ResultsUrl + "?format=errors")).OrderBy(e => e.Row).ToList();
        (int Row, string Field, string Reason)[] expected =
        [
            (2, FieldNames.SubmissionId, "required field is missing"),
            (3, FieldNames.MaxScore, "greater than zero"),
            (4, FieldNames.Answer, "over the limit"),
            (5, FieldNames.Row, "expected a JSON object"),
            (6, FieldNames.SubmissionId, "not a valid id"),
            (7, FieldNames.Answer, "control character U+001B"),
            (8, FieldNames.MaxScore, "at most 10,000"),
            (9, FieldNames.Answer, "given twice"),
        ];
        var described = string.Join("\n", errors.Select(e => $"row {e.Row} {e.Field}: {e.Message}"));
        Assert.True(expected.Length == errors.Count, described);
        foreach (var (want, got) in expected.Zip(errors))
        {
            Assert.True(want.Row == got.Row && want.Field == got.Field && got.Message.Contains(want.Reason, StringComparison.Ordinal), $"expected row {want.Row} {want.Field} '{want.Reason}':\n{described}");
        }

        var grades = await ReadJsonlAsync<Grade>(accepted.ResultsUrl + "?format=jsonl");
        Assert.Equal(["good-1", "good-2"], grades.Select(g => g.SubmissionId).Order());
    }

    private async Task<List<T>> ReadJsonlAsync<T>(string url)
    {
        using var response = await fixture.Host.Client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {text}");
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonSerializer.Deserialize<T>(line, GradingJson.Options)!).ToList();
    }

    private async Task<RawHttp.Response> SendAsync(HostileRequest request)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        return await RawHttp.SendAsync(fixture.Host.Client.BaseAddress!, request.Method, request.Target, request.Headers, request.Body, timeout.Token);
    }
}
