using Microsoft.DurableTask.Client;
using Swarm.Domain.Patterns;

namespace Swarm.Workflows.Patterns;

/// <summary>The task atlas as code outside the workflows uses it: a shard's fingerprints (ratings reach it from <see cref="Learning.TaskRatingsEntity"/>).</summary>
public sealed class PatternsClient(DurableTaskClient durable)
{
    /// <summary>The shard's atlas, or null when no task of that capability key has finished yet.</summary>
    public async Task<TaskAtlas?> GetAsync(string capabilityKey, CancellationToken cancellationToken) =>
        (await durable.Entities.GetEntityAsync<TaskAtlas>(TaskAtlasEntity.IdFor(capabilityKey), includeState: true, cancellationToken))?.State;

    /// <summary>Every shard's atlas, by capability key: one query over the atlas entities.</summary>
    public IAsyncEnumerable<(string CapabilityKey, TaskAtlas Atlas)> GetAllAsync(CancellationToken cancellationToken) =>
        EntityStates.GetAllAsync<TaskAtlas>(durable, TaskAtlasEntity.EntityName, cancellationToken);
}
