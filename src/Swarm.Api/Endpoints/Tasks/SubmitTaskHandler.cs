using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Swarm.Api.Endpoints.Visibility;
using Swarm.Application.Configuration;
using Swarm.Application.Realtime;
using Swarm.Application.Security;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Patterns;
using Swarm.Workflows.Tasks;

namespace Swarm.Api.Endpoints.Tasks;

/// <summary>
/// <c>POST /api/v1/tasks</c>: validates the task, starts its durable orchestration and answers 202.
/// The task is durable once this returns: the start message is in storage before the response is sent.
/// With an <c>Idempotency-Key</c> header, the same caller sending the same key gets the same task back instead of a
/// second one (and a 409 if the key comes with a different request). The task is its submitter's to read, and theirs it
/// is <c>sharedWith</c> (see <see cref="ReadScope"/>).
/// </summary>
public sealed class SubmitTaskHandler(SwarmSettings settings, RoleGrants roles, TimeProvider time, TaskMetrics metrics) : IApiHandler
{
    public const string IdempotencyHeader = "Idempotency-Key";

    readonly TaskLimits limits = new(MaxPromptLength: settings.Api.MaxPromptLength);

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var task = await ApiJson.ReadBodyAsync<TaskRequest>(request, settings.Api.MaxRequestBytes, cancellationToken);
        var errors = task.Validate(limits);
        var key = request.Header(IdempotencyHeader);
        if (key is { Length: 0 or > 200 })
        {
            errors = [.. errors, new FieldError(IdempotencyHeader, "must be 1 to 200 characters.")];
        }

        errors = [.. errors, .. ChannelErrors("notify", task.Notify, request.Principal!), .. ChannelErrors("stream", task.Stream, request.Principal!),
            .. ShareTargets.Validate("sharedWith", task.SharedWith, roles, required: false)];

        if (errors.Count > 0)
        {
            return ApiResponse.Problem(Problems.Validation(errors));
        }

        var caller = request.Principal!.Subject;
        var fingerprint = Fingerprint(task);
        var taskId = key is null ? TaskId.New() : TaskId.ForIdempotencyKey(caller, key);
        if (key is not null && await durable.GetInstanceAsync(taskId, getInputsAndOutputs: true, cancellationToken) is { } existing)
        {
            return Replayed(existing, fingerprint);
        }

        var readers = task.SharedWith ?? [];
        if (await ResourceSharing.RefusalAsync(durable, taskId, readers, cancellationToken) is { } full)
        {
            return ApiResponse.Problem(full);
        }

        var input = InputFor(task, taskId, caller, fingerprint);
        try
        {
            // The client's cancellation is not passed on: once scheduling starts, finishing it is cheaper than guessing whether it landed.
            await new TaskRunClient(durable).StartAsync(input, CancellationToken.None);
        }
        catch (Exception e) when (key is not null && e is not OperationCanceledException)
        {
            // Two requests with the same key raced; the other one started the task.
            if (await durable.GetInstanceAsync(taskId, getInputsAndOutputs: true, CancellationToken.None) is { } raced)
            {
                return Replayed(raced, fingerprint);
            }

            throw;
        }

        metrics.Submitted();

        // After the start: a share of a task that failed to start would name nothing. The readers may see the task a
        // moment after this answer (the shares are signals); the submitter sees it at once.
        await ResourceSharing.ShareAsync(durable, taskId, readers);
        var location = SwarmRoutes.GetTask.PathFor(("id", taskId));
        var accepted = ApiResponse.Accepted(new TaskAccepted(taskId, TaskRunStatus.Queued, location), location);
        return readers.Count > 0 ? accepted with { AuditDetail = ResourceSharing.Detail(readers) } : accepted;
    }

    TaskRunInput InputFor(TaskRequest task, string taskId, string caller, string fingerprint) => new(
        taskId,
        task.Prompt!,
        task.Priority ?? TaskRequest.DefaultPriority,
        [.. (task.Capabilities ?? []).Select(Capability)],
        task.Strategy ?? TaskStrategy.Auto,
        task.Agents ?? task.Strategy switch { TaskStrategy.Parallel => 2, TaskStrategy.Consensus => 3, _ => 1 },
        [.. (task.Stages ?? []).Select(s => s with { Capabilities = [.. (s.Capabilities ?? []).Select(Capability)] })],
        task.Merge ?? false,
        TimeSpan.FromSeconds(settings.Api.TaskSlotWaitSeconds),
        settings.Api.TaskAttempts,
        task.TimeoutSeconds is { } seconds ? time.GetUtcNow().AddSeconds(seconds) : null,
        task.RequiresApproval ?? false,
        TimeSpan.FromSeconds(settings.Api.ApprovalWaitSeconds),
        task.Metadata,
        caller,
        fingerprint,
        Notify: settings.Realtime.Active,
        NotifySubmitter: task.Notify == true,
        SealMemory: settings.Security.EncryptionEnabled,
        Stream: task.Stream == true,
        NotifyGroups: settings.Realtime.Active,
        // Sealed values are never embedded, so with encryption on there is nothing for a query's vector to meet.
        EmbedMemory: settings.Learning.Embeddings.Enabled && !settings.Security.EncryptionEnabled,
        Patterns: settings.Learning.Patterns is { Enabled: true } patterns
            // Embedded under the same rule as memory: the atlas is not sealed, so with encryption on no vector goes into it.
            ? new PatternOptions(patterns.Neighbours, patterns.MinSimilarity, patterns.ShareLessons, patterns.MaxPerShard,
                Embed: settings.Learning.Embeddings.Enabled && !settings.Security.EncryptionEnabled,
                Keys: patterns.Keys && settings.Learning.Embeddings.Enabled && !settings.Security.EncryptionEnabled
                    ? new Domain.Patterns.PatternClustering(patterns.KeySimilarity, patterns.MaxKeys)
                    : null)
            : null,
        AcceptedAt: time.GetUtcNow(),
        ChangesTogether: true,
        DispatchShards: settings.Dispatch.Shards,
        FirstWriteAtSeat: true);

    /// <summary>A field that asks for events (<c>notify</c>, <c>stream</c>) needs the channel on and a caller it can address.</summary>
    IEnumerable<FieldError> ChannelErrors(string field, bool? asked, SwarmPrincipal caller)
    {
        if (asked != true)
        {
            yield break;
        }

        if (!settings.Realtime.Active)
        {
            yield return new FieldError(field, "needs the real-time channel, which is off here (realtime:endpoint, realtime:enabled).");
        }
        else if (RealtimeUsers.For(caller) is null)
        {
            yield return new FieldError(field, $"cannot be sent to this caller: {RealtimeUsers.NoIdentity}.");
        }
    }

    /// <summary>Capabilities are matched in lowercase, as agents' expertise is written, so "Python" and "python" are one skill.</summary>
    static string Capability(string capability) => capability.Trim().ToLowerInvariant();

    static ApiResponse Replayed(OrchestrationMetadata existing, string fingerprint)
    {
        if (existing.ReadInputAs<TaskRunInput>()?.RequestFingerprint != fingerprint)
        {
            return ApiResponse.Problem(Problems.Conflict($"The {IdempotencyHeader} was already used for a different request (task '{existing.InstanceId}')."));
        }

        var location = SwarmRoutes.GetTask.PathFor(("id", existing.InstanceId));
        return ApiResponse.Accepted(new TaskAccepted(existing.InstanceId, TaskView.StatusOf(existing.RuntimeStatus), location), location);
    }

    /// <summary>Identifies the request's content, so a reused idempotency key with a different body is caught.</summary>
    static string Fingerprint(TaskRequest task) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(task))))[..32];
}
