using System.Security.Cryptography;
using System.Text;
using Grading.Core.Batches;
using Grading.Orchestration.Messages;
using Grading.Orchestration.Options;
using Grading.Orchestration.Storage;
using Microsoft.DurableTask;
using Grading.Orchestration.Client;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Grading.Orchestration.Regrade;

/// <summary>Starts and watches re-grades; shared by the timer triggers of both hosts, the CLI and the HTTP API.</summary>
public sealed class RegradeClient(
    DurableTaskClient durable,
    GradingStorage storage,
    IOptions<GradingOptions> grading,
    IOptions<RegradeOptions> options,
    TimeProvider clock)
{
    /// <summary>
    /// Schedules a re-grade and returns its instance id. The id derives from the assignment, the reason, the review
    /// choice and the time slot (<see cref="RegradeRequest.ScheduledFor"/> or now), so a second start of the same
    /// re-grade in the same slot returns the first one's id and starts nothing.
    /// </summary>
    public async Task<string> StartAsync(RegradeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AssignmentId is { } assignmentId && !Identifiers.IsValid(assignmentId))
        {
            throw new ArgumentException($"Assignment id '{assignmentId}' is invalid: use {Identifiers.Describe}.", nameof(request));
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            throw new ArgumentException("A re-grade needs a reason.", nameof(request));
        }

        var regradeId = InstanceId(request, request.ScheduledFor ?? clock.GetUtcNow(), options.Value.InstanceSlot);
        if (await durable.GetInstanceAsync(regradeId, cancellationToken) is not null)
        {
            return regradeId;
        }

        await storage.EnsureContainersAsync();
        var input = new RegradeInput(regradeId, request.AssignmentId, request.Reason, request.IncludeNeedsReview, BatchSettings.From(grading.Value));
        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(
                RegradeOrchestrator.Name, input, new StartOrchestrationOptions { InstanceId = regradeId }, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Another start of the same re-grade may have won the race between our check and our start: then this is fine.
            if (await durable.GetInstanceAsync(regradeId, CancellationToken.None) is null)
            {
                throw;
            }
        }

        return regradeId;
    }

    public async Task<RegradeStatus?> GetStatusAsync(string regradeId, CancellationToken cancellationToken = default)
    {
        var metadata = await durable.GetInstanceAsync(regradeId, getInputsAndOutputs: true, cancellationToken);
        if (metadata is null)
        {
            return null;
        }

        var result = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? metadata.ReadOutputAs<RegradeResult>() : null;
        return new RegradeStatus(regradeId, metadata.RuntimeStatus.ToString(), result, OrchestrationFailure.Message(metadata), metadata.CreatedAt, metadata.LastUpdatedAt);
    }

    /// <summary>Polls until the re-grade finishes.</summary>
    public async Task<RegradeStatus> WaitAsync(string regradeId, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default)
    {
        var interval = pollInterval ?? TimeSpan.FromMilliseconds(250);
        while (true)
        {
            var status = await GetStatusAsync(regradeId, cancellationToken);
            if (status is { IsFinished: true })
            {
                return status;
            }

            await Task.Delay(interval, clock, cancellationToken);
        }
    }

    /// <summary>regrade-{assignment or all}-{slot start, UTC}-{fingerprint of reason and review choice}.</summary>
    internal static string InstanceId(RegradeRequest request, DateTimeOffset at, TimeSpan slot)
    {
        var utc = at.UtcDateTime;
        var slotStart = new DateTime(utc.Ticks - (utc.Ticks % slot.Ticks), DateTimeKind.Utc);
        var fingerprint = SHA256.HashData(Encoding.UTF8.GetBytes($"{request.Reason}\u001f{request.IncludeNeedsReview}"));
        return $"regrade-{request.AssignmentId ?? "all"}-{slotStart:yyyyMMddTHHmm}-{Convert.ToHexStringLower(fingerprint.AsSpan(0, 4))}";
    }
}
