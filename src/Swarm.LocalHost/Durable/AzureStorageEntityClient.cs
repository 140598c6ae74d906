using System.Diagnostics;
using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Entities;
using DurableTask.Core.Tracing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;
using Microsoft.DurableTask.Entities;
using CoreEntityQuery = DurableTask.Core.Entities.EntityBackendQueries.EntityQuery;

namespace Swarm.LocalHost.Durable;

/// <summary>
/// Entity reads and signals for the local host's durable client, straight on the Azure Storage backend: the gRPC
/// sidecar the client talks to has no entity support. Signals are sent as the same messages Durable Task's own
/// clients send, so the worker cannot tell the difference.
/// </summary>
sealed class AzureStorageEntityClient(AzureStorageOrchestrationService backend, DataConverter converter) : DurableEntityClient("swarm")
{
    EntityBackendQueries Queries => ((IEntityOrchestrationService)backend).EntityBackendQueries
        ?? throw new InvalidOperationException("The Azure Storage backend reports no entity support.");

    public override async Task SignalEntityAsync(
        EntityInstanceId id, string operationName, object? input = null, SignalEntityOptions? options = null, CancellationToken cancellation = default)
    {
        var target = new OrchestrationInstance { InstanceId = id.ToString() };
        var scheduled = options?.SignalTime is { } at ? (at.UtcDateTime, at.UtcDateTime) : ((DateTime, DateTime)?)null;
        // The caller's trace (the API request's span) goes with the signal, as the SDK's own clients send it, so the
        // entity's work and whatever it starts join that trace.
        var caller = Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } traceParent } span ? new DistributedTraceContext(traceParent, span.TraceStateString) : null;
        var message = ClientEntityHelpers.EmitOperationSignal(
            target, Guid.NewGuid(), operationName, converter.Serialize(input), scheduled, caller, DateTimeOffset.UtcNow, createTrace: caller is not null);
        await backend.SendTaskOrchestrationMessageAsync(message.AsTaskMessage());
    }

    public override async Task<EntityMetadata?> GetEntityAsync(EntityInstanceId id, bool includeState = true, CancellationToken cancellation = default)
    {
        var found = await Queries.GetEntityAsync(new EntityId(id.Name, id.Key), includeState, includeStateless: false, cancellation);
        return found is { } entity ? ToMetadata(entity, includeState) : null;
    }

    public override async Task<EntityMetadata<T>?> GetEntityAsync<T>(EntityInstanceId id, bool includeState = true, CancellationToken cancellation = default)
    {
        var found = await Queries.GetEntityAsync(new EntityId(id.Name, id.Key), includeState, includeStateless: false, cancellation);
        if (found is not { } entity)
        {
            return null;
        }

        return new EntityMetadata<T>(id, includeState && entity.SerializedState is { } state ? converter.Deserialize<T>(state) : default!)
        {
            LastModifiedTime = entity.LastModifiedTime,
            BacklogQueueSize = entity.BacklogQueueSize,
            LockedBy = entity.LockedBy,
        };
    }

    public override AsyncPageable<EntityMetadata> GetAllEntitiesAsync(EntityQuery? filter = null) =>
        Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            var result = await Queries.QueryEntitiesAsync(
                new CoreEntityQuery
                {
                    InstanceIdStartsWith = filter?.InstanceIdStartsWith,
                    LastModifiedFrom = filter?.LastModifiedFrom?.UtcDateTime,
                    LastModifiedTo = filter?.LastModifiedTo?.UtcDateTime,
                    IncludeState = filter?.IncludeState ?? true,
                    IncludeTransient = filter?.IncludeTransient ?? false,
                    PageSize = pageSize ?? filter?.PageSize,
                    ContinuationToken = continuation ?? filter?.ContinuationToken,
                },
                cancellation);
            return new Page<EntityMetadata>([.. result.Results.Select(e => ToMetadata(e, filter?.IncludeState ?? true))], result.ContinuationToken);
        });

    public override AsyncPageable<EntityMetadata<T>> GetAllEntitiesAsync<T>(EntityQuery? filter = null) =>
        throw new NotSupportedException("Typed entity queries are not used by the swarm; query untyped and read each state.");

    public override Task<CleanEntityStorageResult> CleanEntityStorageAsync(
        CleanEntityStorageRequest? request = null, bool continueUntilComplete = true, CancellationToken cancellation = default) =>
        throw new NotSupportedException("Entity storage cleaning is not used by the swarm.");

    EntityMetadata ToMetadata(EntityBackendQueries.EntityMetadata entity, bool includeState) =>
        new(new EntityInstanceId(entity.EntityId.Name, entity.EntityId.Key), includeState && entity.SerializedState is { } state ? new SerializedData(state, converter) : null)
        {
            LastModifiedTime = entity.LastModifiedTime,
            BacklogQueueSize = entity.BacklogQueueSize,
            LockedBy = entity.LockedBy,
        };
}
