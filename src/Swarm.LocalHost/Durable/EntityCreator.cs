using DurableTask.Core;
using DurableTask.Core.Entities;
using DurableTask.Core.Entities.OperationFormat;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.DurableTask.Worker.Shims;

namespace Swarm.LocalHost.Durable;

/// <summary>
/// Runs a class-based entity under DurableTask.Core. The shim needs the entity's id, which is known only
/// per batch of operations, so the adapter builds the shim when a batch arrives.
/// </summary>
sealed class EntityCreator : ObjectCreator<TaskEntity>
{
    readonly Type type;
    readonly IServiceProvider services;
    readonly DurableTaskShimFactory shims;

    public EntityCreator(string name, Type type, IServiceProvider services, DurableTaskShimFactory shims)
    {
        this.type = type;
        this.services = services;
        this.shims = shims;
        Name = name;
        Version = string.Empty;
    }

    public override TaskEntity Create() => new BatchAdapter(this);

    sealed class BatchAdapter(EntityCreator creator) : TaskEntity
    {
        public override Task<EntityBatchResult> ExecuteOperationBatchAsync(EntityBatchRequest request)
        {
            var id = EntityId.FromString(request.InstanceId!);
            var entity = (ITaskEntity)ActivatorUtilities.GetServiceOrCreateInstance(creator.services, creator.type);
            return creator.shims.CreateEntity(new TaskName(id.Name), entity, id).ExecuteOperationBatchAsync(request);
        }
    }
}
