using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Grading.Core.Batches;
using Grading.Core.Domain;
using Grading.Core.Grading;
using Grading.Core.Reports;
using Grading.Inference.Hosting;
using Grading.Orchestration.Client;
using Grading.Orchestration.Messages;
using Grading.Orchestration.Options;
using Grading.Orchestration.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grading.Orchestration.Api;

/// <summary>
/// The HTTP API, one handler per route of <see cref="ApiRoutes"/>. It knows ASP.NET Core's <see cref="HttpRequest"/> and
/// nothing about its host: minimal APIs on Kestrel (<c>grading serve</c>) and the Functions HTTP triggers call the same
/// methods. Every error is an RFC 7807 problem that names the field at fault.
/// </summary>
public sealed class GradingApi(
    BatchClient batches,
    GradingStorage storage,
    GraderCatalog graders,
    IOptions<GradingOptions> gradingOptions,
    IOptions<ApiOptions> apiOptions,
    TimeProvider clock,
    ILogger<GradingApi> logger)
{
    /// <summary>Fields of POST /api/grade besides the batch row fields of <see cref="FieldNames"/>.</summary>
    public const string GraderField = "grader";

    private const string DefaultSubmissionId = "answer";

    /// <summary>The file name (and default assignment id) of a batch given as inline rows without an assignment.</summary>
    private const string InlineBatchName = "api";

    /// <summary>Row errors listed in one problem; a batch of 5,000 bad rows answers with the first ones and a count.</summary>
    private const int MaxRowErrorsListed = 20;

    private long BodyLimit => apiOptions.Value.MaxRequestBodyBytes;

    /// <summary>POST /api/grade: one answer, graded now. The question inline, or questionId + assignmentId from the assignments container.</summary>
    public Task<ApiResult> GradeAsync(HttpRequest request, CancellationToken cancellationToken = default) => Guarded(request, async () =>
    {
        var (body, problem) = await RequestBody.ReadObjectAsync(request, BodyLimit, cancellationToken);
        if (problem is not null)
        {
            return ApiResult.Problem(problem);
        }

        var errors = new List<FieldError>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, _) in body!)
        {
            var canonical = name == GraderField ? GraderField : FieldNames.Canonical(name);
            if (canonical is null)
            {
                errors.Add(new FieldError(name, $"unknown field; use {string.Join(", ", FieldNames.All.Append(GraderField))}"));
            }
            else if (!seen.TryAdd(canonical, name))
            {
                // Names match ignoring case, '_' and '-', so "Answer" after "answer" is the same field given twice.
                errors.Add(new FieldError(name, $"duplicate of '{seen[canonical]}': give each field once"));
            }
        }

        var grader = JsonFields.OptionalString(body, GraderField, errors);
        CheckGrader(grader, errors);
        var assignmentId = JsonFields.OptionalString(body, FieldNames.AssignmentId, errors);
        if (errors.Count > 0)
        {
            return ApiResult.Problem(ApiProblem.BadRequest(errors, request.Path));
        }

        Assignment? assignment = null;
        if (assignmentId is not null && body[FieldNames.Question] is null)
        {
            (assignment, problem) = await LoadAssignmentAsync(assignmentId, FieldNames.AssignmentId, request.Path, cancellationToken);
            if (problem is not null)
            {
                return ApiResult.Problem(problem);
            }
        }

        // One answer is a one-row batch: the batch reader and validator check it, so limits and messages are the same.
        var row = new JsonObject();
        foreach (var (name, value) in body)
        {
            if (name != GraderField)
            {
                row[name] = value?.DeepClone();
            }
        }

        if (!row.Any(p => FieldNames.Canonical(p.Key) == FieldNames.SubmissionId))
        {
            row[FieldNames.SubmissionId] = DefaultSubmissionId;
        }

        var parsed = BatchParser.Parse(
            Encoding.UTF8.GetBytes(row.ToJsonString()), BatchFormat.Jsonl, assignment, assignmentId ?? "adhoc", Limits);
        if (parsed.Errors.Count > 0)
        {
            return ApiResult.Problem(ApiProblem.BadRequest(parsed.Errors.Select(e => new FieldError(e.Field, e.Message)).ToList(), request.Path));
        }

        var submission = parsed.Submissions[0];
        var gradingRequest = new GradingRequest(submission, parsed.Questions.Single(q => q.Id == submission.QuestionId));
        var chosen = graders.For(grader);
        var stopwatch = Stopwatch.StartNew();
        var results = await chosen.GradeAsync([gradingRequest], cancellationToken);
        var grade = GradeFactory.Create(gradingRequest, results[0], chosen, gradingOptions.Value.ReviewBelowConfidence, stopwatch.Elapsed, clock.GetUtcNow());
        return ApiResult.Json(StatusCodes.Status200OK, grade);
    });

    /// <summary>POST /api/batches: rows inline (<c>rows</c>) or a blob of the submissions container (<c>blob</c>); 202 with the status URL.</summary>
    public Task<ApiResult> StartBatchAsync(HttpRequest request, CancellationToken cancellationToken = default) => Guarded(request, async () =>
    {
        var (body, problem) = await RequestBody.ReadObjectAsync(request, BodyLimit, cancellationToken);
        if (problem is not null)
        {
            return ApiResult.Problem(problem);
        }

        var errors = new List<FieldError>();
        foreach (var (name, _) in body!)
        {
            if (!StartBatchFields.All.Contains(name))
            {
                errors.Add(new FieldError(name, $"unknown field; use {string.Join(", ", StartBatchFields.All)}"));
            }
        }

        var grader = JsonFields.OptionalString(body, StartBatchFields.Grader, errors);
        CheckGrader(grader, errors);
        var assignmentId = JsonFields.OptionalString(body, StartBatchFields.AssignmentId, errors);
        var blob = JsonFields.OptionalString(body, StartBatchFields.Blob, errors);
        var rows = body[StartBatchFields.Rows];
        var inlineAssignment = body[StartBatchFields.Assignment];
        if (rows is not null && blob is not null)
        {
            errors.Add(new FieldError(StartBatchFields.Rows, "give rows or blob, not both"));
        }
        else if (rows is null && blob is null && errors.Count == 0)
        {
            errors.Add(new FieldError(StartBatchFields.Rows, "required: the rows as a JSON array, or blob naming a file in the submissions container"));
        }

        if (rows is not null and not JsonArray)
        {
            errors.Add(new FieldError(StartBatchFields.Rows, $"must be an array of row objects, found {JsonFields.Describe(rows)}"));
        }
        else if (rows is JsonArray { Count: 0 })
        {
            errors.Add(new FieldError(StartBatchFields.Rows, "the array is empty: there is nothing to grade"));
        }

        if (blob is not null && !BlobNames.IsSafe(blob))
        {
            errors.Add(new FieldError(StartBatchFields.Blob, $"{JsonFields.Quote(blob)} is not a blob name: use {BlobNames.Describe}"));
        }

        if (inlineAssignment is not null && inlineAssignment is not JsonObject)
        {
            errors.Add(new FieldError(StartBatchFields.Assignment, $"must be an assignment object, found {JsonFields.Describe(inlineAssignment)}"));
        }

        if (inlineAssignment is not null && assignmentId is not null)
        {
            errors.Add(new FieldError(StartBatchFields.AssignmentId, "give assignment or assignmentId, not both"));
        }

        if (errors.Count > 0)
        {
            return ApiResult.Problem(ApiProblem.BadRequest(errors, request.Path));
        }

        byte[]? assignmentBytes = inlineAssignment is null ? null : Encoding.UTF8.GetBytes(inlineAssignment.ToJsonString());
        Assignment? assignment = null;
        if (assignmentId is not null)
        {
            (assignment, problem) = await LoadAssignmentAsync(assignmentId, StartBatchFields.AssignmentId, request.Path, cancellationToken);
            if (problem is not null)
            {
                return ApiResult.Problem(problem);
            }

            assignmentBytes = (await storage.DownloadAsync(Containers.Assignments, assignmentId + ".json", cancellationToken)).ToArray();
        }
        else if (assignmentBytes is not null)
        {
            try
            {
                assignment = AssignmentReader.Read(assignmentBytes);
            }
            catch (AssignmentFormatException e)
            {
                return ApiResult.Problem(ApiProblem.BadRequest(StartBatchFields.Assignment, e.Message, request.Path));
            }
        }

        BatchRequest batch;
        if (blob is not null)
        {
            var content = await storage.TryDownloadAsync(Containers.Submissions, blob, cancellationToken);
            if (content is null)
            {
                return ApiResult.Problem(ApiProblem.NotFound(StartBatchFields.Blob, $"blob: no blob {JsonFields.Quote(blob)} in the {Containers.Submissions} container", request.Path));
            }

            batch = new BatchRequest(Path.GetFileName(blob), content.ToMemory(), assignmentBytes, grader);
        }
        else
        {
            // Each row becomes one JSON Lines record; a row that is not an object is rejected on its own, like a bad line in a file.
            var lines = new StringBuilder();
            foreach (var item in (JsonArray)rows!)
            {
                lines.Append(item?.ToJsonString() ?? "null").Append('\n');
            }

            var content = Encoding.UTF8.GetBytes(lines.ToString());
            if (NothingToGrade(content, assignment, assignmentId ?? InlineBatchName, request.Path) is { } nothing)
            {
                return ApiResult.Problem(nothing);
            }

            batch = new BatchRequest($"{assignmentId ?? InlineBatchName}.jsonl", content, assignmentBytes, grader);
        }

        string batchId;
        try
        {
            batchId = await batches.StartAsync(batch, cancellationToken);
        }
        catch (BatchFormatException e)
        {
            return ApiResult.Problem(ApiProblem.BadRequest(blob is null ? StartBatchFields.Rows : StartBatchFields.Blob, e.Message, request.Path));
        }
        catch (AssignmentFormatException e)
        {
            return ApiResult.Problem(ApiProblem.BadRequest(assignmentId is null ? StartBatchFields.Assignment : StartBatchFields.AssignmentId, e.Message, request.Path));
        }

        var accepted = Accepted(request, batchId);
        return ApiResult.Json(StatusCodes.Status202Accepted, accepted, new Dictionary<string, string> { ["Location"] = accepted.StatusUrl });
    });

    /// <summary>GET /api/batches/{id}: status and progress.</summary>
    public Task<ApiResult> GetBatchAsync(HttpRequest request, string id, CancellationToken cancellationToken = default) => Guarded(request, async () =>
    {
        var (status, problem) = await FindBatchAsync(request, id, cancellationToken);
        return problem is not null ? ApiResult.Problem(problem) : ApiResult.Json(StatusCodes.Status200OK, ToResponse(status!));
    });

    /// <summary>GET /api/batches/{id}/results?format=jsonl|csv|errors: the grades of a completed batch, or its row errors (row, field, reason).</summary>
    public Task<ApiResult> GetResultsAsync(HttpRequest request, string id, CancellationToken cancellationToken = default) => Guarded(request, async () =>
    {
        var format = request.Query["format"].ToString();
        var (fileName, contentType) = format.ToLowerInvariant() switch
        {
            "" or "jsonl" => (ResultFiles.ResultsJsonl, "application/x-ndjson; charset=utf-8"),
            "csv" => (ResultFiles.ResultsCsv, "text/csv; charset=utf-8"),
            "errors" => (ResultFiles.ErrorsJsonl, "application/x-ndjson; charset=utf-8"),
            _ => ((string?)null, (string?)null),
        };
        if (fileName is null)
        {
            return ApiResult.Problem(ApiProblem.BadRequest("format", $"{JsonFields.Quote(format)} is not a results format: use jsonl, csv or errors", request.Path));
        }

        var (status, problem) = await FindBatchAsync(request, id, cancellationToken);
        if (problem is not null)
        {
            return ApiResult.Problem(problem);
        }

        if (status!.Result is null)
        {
            return ApiResult.Problem(ApiProblem.Conflict($"batch '{id}' is {PublicStatus(status)}: results exist once it has completed", request.Path));
        }

        var content = await batches.ReadReportFileAsync(id, fileName!, cancellationToken);
        return content is null
            ? ApiResult.Problem(ApiProblem.NotFound("id", $"batch '{id}' completed but its {fileName} is missing from the reports container", request.Path))
            : ApiResult.Bytes(StatusCodes.Status200OK, contentType!, content.ToMemory());
    });

    /// <summary>POST /api/batches/{id}/cancel: terminates the batch's orchestration; its status then says canceled.</summary>
    public Task<ApiResult> CancelBatchAsync(HttpRequest request, string id, CancellationToken cancellationToken = default) => Guarded(request, async () =>
    {
        var (status, problem) = await FindBatchAsync(request, id, cancellationToken);
        if (problem is not null)
        {
            return ApiResult.Problem(problem);
        }

        if (status!.IsFinished)
        {
            return ApiResult.Problem(ApiProblem.Conflict($"batch '{id}' is already {PublicStatus(status)}", request.Path));
        }

        await batches.CancelAsync(id, "canceled through the API", cancellationToken);
        var accepted = Accepted(request, id);
        return ApiResult.Json(StatusCodes.Status202Accepted, accepted, new Dictionary<string, string> { ["Location"] = accepted.StatusUrl });
    });

    /// <summary>GET /api/health.</summary>
    public static ApiResult Health() => ApiResult.Json(StatusCodes.Status200OK, new HealthResponse("ok"));

    /// <summary>GET /api/openapi.json: the OpenAPI 3 document of every route.</summary>
    public static ApiResult OpenApi() => ApiResult.Bytes(StatusCodes.Status200OK, "application/json; charset=utf-8", OpenApiDocument.Bytes);

    /// <summary>
    /// Inline rows where not one can be graded are the caller's mistake, answered now with the first rows' errors
    /// (rows[i].field, i from 0 as in the request) rather than a batch that grades nothing. With some good rows the
    /// batch starts, and the bad rows' errors are in its results (format=errors).
    /// </summary>
    private ApiProblem? NothingToGrade(byte[] jsonl, Assignment? assignment, string defaultAssignmentId, string instance)
    {
        ParsedBatch parsed;
        try
        {
            parsed = BatchParser.Parse(jsonl, BatchFormat.Jsonl, assignment, defaultAssignmentId, Limits);
        }
        catch (BatchFormatException e)
        {
            return ApiProblem.BadRequest(StartBatchFields.Rows, e.Message, instance);
        }

        if (parsed.Submissions.Count > 0)
        {
            return null;
        }

        var errors = parsed.Errors.Take(MaxRowErrorsListed)
            .Select(e => new FieldError(
                e.Field == FieldNames.Row ? $"{StartBatchFields.Rows}[{e.Row - 1}]" : $"{StartBatchFields.Rows}[{e.Row - 1}].{e.Field}",
                e.Message))
            .ToList();
        errors.Add(new FieldError(StartBatchFields.Rows, parsed.Errors.Count > MaxRowErrorsListed
            ? $"none of the {parsed.RowCount:N0} rows can be graded; the first {MaxRowErrorsListed} errors are listed, {parsed.Errors.Count - MaxRowErrorsListed:N0} more are like them"
            : $"none of the {parsed.RowCount:N0} rows can be graded"));
        return ApiProblem.BadRequest(errors, instance);
    }

    private BatchLimits Limits => new() { MaxAnswerLength = gradingOptions.Value.MaxAnswerLength };

    private static void CheckGrader(string? grader, List<FieldError> errors)
    {
        if (grader is not null && !GraderCatalog.IsKnown(grader))
        {
            errors.Add(new FieldError(GraderField, $"unknown grader {JsonFields.Quote(grader)}: use one of {string.Join(", ", GraderKinds.Selectable)}"));
        }
    }

    private async Task<(Assignment? Assignment, ApiProblem? Problem)> LoadAssignmentAsync(string assignmentId, string field, string instance, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsValid(assignmentId))
        {
            return (null, ApiProblem.BadRequest(field, $"{JsonFields.Quote(assignmentId)} is not a valid id: use {Identifiers.Describe}", instance));
        }

        var bytes = await storage.TryDownloadAsync(Containers.Assignments, assignmentId + ".json", cancellationToken);
        if (bytes is null)
        {
            return (null, ApiProblem.NotFound(field, $"{field}: no assignment {JsonFields.Quote(assignmentId)} in the {Containers.Assignments} container", instance));
        }

        try
        {
            return (AssignmentReader.Read(bytes.ToMemory().Span, assignmentId), null);
        }
        catch (AssignmentFormatException e)
        {
            return (null, ApiProblem.Conflict($"{field}: the stored assignment '{assignmentId}' is unusable: {e.Message}", instance));
        }
    }

    private async Task<(BatchStatus? Status, ApiProblem? Problem)> FindBatchAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsValid(id))
        {
            return (null, ApiProblem.BadRequest("id", $"{JsonFields.Quote(id)} is not a batch id: use {Identifiers.Describe}", request.Path));
        }

        var status = await batches.GetStatusAsync(id, cancellationToken);
        return status is null
            ? (null, ApiProblem.NotFound("id", $"no batch {JsonFields.Quote(id)}", request.Path))
            : (status, null);
    }

    private static BatchAccepted Accepted(HttpRequest request, string batchId)
    {
        var root = $"{request.Scheme}://{request.Host}{request.PathBase}/api/batches/{Uri.EscapeDataString(batchId)}";
        return new BatchAccepted(batchId, root, root + "/results", root + "/cancel");
    }

    private static BatchStatusResponse ToResponse(BatchStatus status)
    {
        var progress = status.Result?.Summary is { } summary
            ? new BatchProgressResponse(BatchProgress.Completed, summary.Graded + summary.Failed, summary.Graded, summary.Failed, summary.NeedsReview, summary.Rejected)
            : status.Progress is { } p
                ? new BatchProgressResponse(p.Stage, p.Total, p.Graded, p.Failed, p.NeedsReview, p.Rejected)
                : new BatchProgressResponse(BatchProgress.Preparing, 0, 0, 0, 0, 0);
        return new BatchStatusResponse(
            status.BatchId, PublicStatus(status), status.RuntimeStatus, progress, status.Result?.Summary, status.FailureMessage, status.CreatedAt, status.LastUpdatedAt);
    }

    private static string PublicStatus(BatchStatus status) => status.RuntimeStatus switch
    {
        "Completed" => "completed",
        "Failed" => "failed",
        "Terminated" => "canceled",
        "Pending" => "pending",
        _ => "running",
    };

    private Task<ApiResult> Guarded(HttpRequest request, Func<Task<ApiResult>> handler) =>
        ApiGuard.RunAsync(request, logger, gradingOptions.Value.LogAnswerText, handler);
}
