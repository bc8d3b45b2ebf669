using Grading.Functions.Hosting;
using Grading.Orchestration.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Grading.Functions.Http;

/// <summary>
/// The API's HTTP triggers: each one calls the <see cref="GradingApi"/> handler that <c>grading serve</c> maps too.
/// Names, routes and methods are those of <see cref="ApiRoutes"/> (a test compares them with functions.metadata).
/// </summary>
public sealed class ApiFunctions(FunctionsApi functions)
{
    [Function("GradeAnswer")]
    public async Task<IActionResult> GradeAnswer(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "grade")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        await functions.Api(client).GradeAsync(request, cancellationToken);

    [Function("StartBatch")]
    public async Task<IActionResult> StartBatch(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "batches")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        await functions.Api(client).StartBatchAsync(request, cancellationToken);

    [Function("GetBatch")]
    public async Task<IActionResult> GetBatch(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "batches/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        await functions.Api(client).GetBatchAsync(request, id, cancellationToken);

    [Function("GetBatchResults")]
    public async Task<IActionResult> GetBatchResults(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "batches/{id}/results")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        await functions.Api(client).GetResultsAsync(request, id, cancellationToken);

    [Function("CancelBatch")]
    public async Task<IActionResult> CancelBatch(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "batches/{id}/cancel")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        await functions.Api(client).CancelBatchAsync(request, id, cancellationToken);

    [Function("StartRegrade")]
    public async Task<IActionResult> StartRegrade(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "regrade")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        await functions.RegradeApi(client).StartAsync(request, cancellationToken);

    [Function("GetRegrade")]
    public async Task<IActionResult> GetRegrade(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "regrades/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        await functions.RegradeApi(client).GetAsync(request, id, cancellationToken);

    [Function("Health")]
    public IActionResult Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        GradingApi.Health();

    [Function("OpenApi")]
    public IActionResult OpenApi(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "openapi.json")] HttpRequest request) =>
        GradingApi.OpenApi();
}
