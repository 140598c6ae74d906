using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Entities;
using DurableTask.Core.Tracing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;
using P = Microsoft.DurableTask.Protobuf;

namespace Swarm.LocalHost.Durable;

/// <summary>
/// The local host's durable gRPC sidecar: Durable Task's <see cref="TaskHubGrpcServer"/> for orchestrations, plus the
/// four entity calls of the TaskHubSidecarService protocol (SignalEntity, GetEntity, QueryEntities,
/// CleanEntityStorage), which that server leaves unimplemented. They are served from the same Azure Storage backend
/// (the requests' backend, whose storage calls give up within seconds), for every gRPC durable client on the socket:
/// the local host's own and the Functions worker's <c>[DurableClient]</c> in the worker host tests. A signal carries the
/// caller's trace context as Durable Task's own clients send it. The base class's methods are virtual gRPC handlers, so this adds
/// to it rather than wrapping it.
/// </summary>
sealed class EntityServingSidecar(
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggerFactory,
    IOrchestrationService service,
    IOrchestrationServiceClient client,
    IOptions<TaskHubGrpcServerOptions> options,
    [FromKeyedServices(LocalHostApp.RequestBackend)] AzureStorageOrchestrationService backend)
    : TaskHubGrpcServer(lifetime, loggerFactory, service, client, options)
{
    EntityBackendQueries Queries => ((IEntityOrchestrationService)backend).EntityBackendQueries
        ?? throw new RpcException(new Status(StatusCode.Unimplemented, "The Azure Storage backend reports no entity support."));

    public override async Task<P.SignalEntityResponse> SignalEntity(P.SignalEntityRequest request, ServerCallContext context)
    {
        var target = new OrchestrationInstance { InstanceId = EntityIdOf(request.InstanceId).ToString() };
        var scheduled = request.ScheduledTime?.ToDateTime() is { } at ? (at, at) : ((DateTime, DateTime)?)null;
        var caller = request.ParentTraceContext is { TraceParent.Length: > 0 } trace ? new DistributedTraceContext(trace.TraceParent, trace.TraceState) : null;
        var requestId = Guid.TryParse(request.RequestId, out var id) ? id : Guid.NewGuid();
        var requestTime = request.RequestTime?.ToDateTimeOffset() ?? DateTimeOffset.UtcNow;
        var message = ClientEntityHelpers.EmitOperationSignal(target, requestId, request.Name, request.Input, scheduled, caller, requestTime, createTrace: caller is not null);
        await backend.SendTaskOrchestrationMessageAsync(message.AsTaskMessage());
        return new P.SignalEntityResponse();
    }

    public override async Task<P.GetEntityResponse> GetEntity(P.GetEntityRequest request, ServerCallContext context)
    {
        var found = await Queries.GetEntityAsync(EntityIdOf(request.InstanceId), request.IncludeState, includeStateless: false, context.CancellationToken);
        return found is { } entity ? new P.GetEntityResponse { Exists = true, Entity = ToProto(entity, request.IncludeState) } : new P.GetEntityResponse { Exists = false };
    }

    public override async Task<P.QueryEntitiesResponse> QueryEntities(P.QueryEntitiesRequest request, ServerCallContext context)
    {
        var query = request.Query ?? new P.EntityQuery();
        var result = await Queries.QueryEntitiesAsync(
            new EntityBackendQueries.EntityQuery
            {
                InstanceIdStartsWith = query.InstanceIdStartsWith,
                LastModifiedFrom = query.LastModifiedFrom?.ToDateTime(),
                LastModifiedTo = query.LastModifiedTo?.ToDateTime(),
                IncludeState = query.IncludeState,
                IncludeTransient = query.IncludeTransient,
                PageSize = query.PageSize,
                ContinuationToken = query.ContinuationToken,
            },
            context.CancellationToken);
        var response = new P.QueryEntitiesResponse { ContinuationToken = result.ContinuationToken };
        response.Entities.AddRange(result.Results.Select(e => ToProto(e, query.IncludeState)));
        return response;
    }

    public override async Task<P.CleanEntityStorageResponse> CleanEntityStorage(P.CleanEntityStorageRequest request, ServerCallContext context)
    {
        var result = await Queries.CleanEntityStorageAsync(
            new EntityBackendQueries.CleanEntityStorageRequest
            {
                ContinuationToken = request.ContinuationToken,
                RemoveEmptyEntities = request.RemoveEmptyEntities,
                ReleaseOrphanedLocks = request.ReleaseOrphanedLocks,
            },
            context.CancellationToken);
        return new P.CleanEntityStorageResponse
        {
            ContinuationToken = result.ContinuationToken,
            EmptyEntitiesRemoved = result.EmptyEntitiesRemoved,
            OrphanedLocksReleased = result.OrphanedLocksReleased,
        };
    }

    /// <summary>An entity's instance id (<c>@name@key</c>); anything else is the caller's error, not the server's.</summary>
    static EntityId EntityIdOf(string instanceId)
    {
        try
        {
            return EntityId.FromString(instanceId);
        }
        catch (ArgumentException e)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, e.Message));
        }
    }

    static P.EntityMetadata ToProto(EntityBackendQueries.EntityMetadata entity, bool includeState) => new()
    {
        InstanceId = entity.EntityId.ToString(),
        LastModifiedTime = Timestamp.FromDateTime(DateTime.SpecifyKind(entity.LastModifiedTime, DateTimeKind.Utc)),
        BacklogQueueSize = entity.BacklogQueueSize,
        LockedBy = entity.LockedBy,
        SerializedState = includeState ? entity.SerializedState : null,
    };
}
