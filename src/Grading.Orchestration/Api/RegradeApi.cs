using System.Text.Json;
using Grading.Core.Batches;
using Grading.Orchestration.Regrade;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grading.Orchestration.Api;

/// <summary>
/// POST /api/regrade and GET /api/regrades/{id}: the HTTP face of <see cref="RegradeClient"/>, which the timers of both
/// hosts call on their cron. A teacher who fixed a rubric starts one at once instead of waiting for the night.
/// </summary>
public sealed class RegradeApi(RegradeClient regrades, IOptions<ApiOptions> apiOptions, ILogger<RegradeApi> logger)
{
    public const string AssignmentIdField = "assignmentId";
    public const string ReasonField = "reason";
    public const string IncludeNeedsReviewField = "includeNeedsReview";

    private static readonly string[] Fields = [AssignmentIdField, ReasonField, IncludeNeedsReviewField];

    /// <summary>POST /api/regrade: re-grade an assignment's (or, without assignmentId, every assignment's) stale grades.</summary>
    public Task<ApiResult> StartAsync(HttpRequest request, CancellationToken cancellationToken = default) => ApiGuard.RunAsync(request, logger, logMessages: true, async () =>
    {
        var (body, problem) = await RequestBody.ReadObjectAsync(request, apiOptions.Value.MaxRequestBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return ApiResult.Problem(problem);
        }

        var errors = body!
            .Where(field => !Fields.Contains(field.Key))
            .Select(field => new FieldError(field.Key, $"unknown field; use {string.Join(", ", Fields)}"))
            .ToList();
        var assignmentId = JsonFields.OptionalString(body!, AssignmentIdField, errors);
        if (assignmentId is not null && !Identifiers.IsValid(assignmentId))
        {
            errors.Add(new FieldError(AssignmentIdField, $"{JsonFields.Quote(assignmentId)} is not an assignment id: use {Identifiers.Describe}"));
        }

        var reason = JsonFields.OptionalString(body!, ReasonField, errors);
        if (reason is null && !errors.Any(e => e.Field == ReasonField))
        {
            errors.Add(new FieldError(ReasonField, "required: say why (it is kept with the re-grade)"));
        }

        var includeNeedsReview = false;
        if (body!.TryGetPropertyValue(IncludeNeedsReviewField, out var flag) && flag is not null)
        {
            if (flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                includeNeedsReview = flag.GetValue<bool>();
            }
            else
            {
                errors.Add(new FieldError(IncludeNeedsReviewField, $"must be a boolean, found {JsonFields.Describe(flag)}"));
            }
        }

        if (errors.Count > 0)
        {
            return ApiResult.Problem(ApiProblem.BadRequest(errors, request.Path));
        }

        var regradeId = await regrades.StartAsync(new RegradeRequest(assignmentId, reason!, includeNeedsReview), cancellationToken);
        var statusUrl = $"{request.Scheme}://{request.Host}{request.PathBase}/api/regrades/{Uri.EscapeDataString(regradeId)}";
        return ApiResult.Json(StatusCodes.Status202Accepted, new RegradeAccepted(regradeId, statusUrl), new Dictionary<string, string> { ["Location"] = statusUrl });
    });

    /// <summary>GET /api/regrades/{id}: the re-grade's state and, once completed, how many grades it changed per assignment.</summary>
    public Task<ApiResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken = default) => ApiGuard.RunAsync(request, logger, logMessages: true, async () =>
    {
        if (!id.StartsWith("regrade-", StringComparison.Ordinal) || !Identifiers.IsValid(id))
        {
            return ApiResult.Problem(ApiProblem.BadRequest("id", $"{JsonFields.Quote(id)} is not a re-grade id (they start with regrade-)", request.Path));
        }

        return await regrades.GetStatusAsync(id, cancellationToken) is { } status
            ? ApiResult.Json(StatusCodes.Status200OK, status)
            : ApiResult.Problem(ApiProblem.NotFound("id", $"no re-grade {JsonFields.Quote(id)}", request.Path));
    });
}
