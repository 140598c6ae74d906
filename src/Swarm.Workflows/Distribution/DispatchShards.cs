using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Swarm.Domain.Distribution;

namespace Swarm.Workflows.Distribution;

/// <summary>
/// The dispatch board's shards (<c>dispatch:shards</c>): shard 0 is <see cref="DispatcherEntity.Id"/>, so one shard is
/// the swarm as it was before shards; shard i &gt; 0 is <c>dispatcher@swarm-i</c>. Which shard an agent lives on and
/// where a step asks first come from <see cref="ShardPlacement"/>, the same in every process and on every replay.
/// Orchestrations take the count from their input (fixed when they start), never from the settings, so a replay asks
/// the shards it asked the first time.
/// </summary>
public readonly record struct DispatchShards
{
    DispatchShards(int count) => Count = count;

    /// <summary>One shard: the swarm as it was before shards.</summary>
    public static DispatchShards One { get; } = new(1);

    /// <summary>How many shards there are, 1 to <see cref="ShardPlacement.MaxShards"/>.</summary>
    public int Count { get; }

    /// <summary>The shards an input names; null (an input from before shards) is one.</summary>
    public static DispatchShards Of(int? count) => count is { } n
        ? new(n is >= 1 and <= ShardPlacement.MaxShards ? n : throw new ArgumentOutOfRangeException(nameof(count), n, $"dispatch:shards is 1 to {ShardPlacement.MaxShards}"))
        : One;

    /// <summary>The entity of shard <paramref name="index"/>.</summary>
    public static EntityInstanceId IdOf(int index) => index == 0 ? DispatcherEntity.Id : new(DispatcherEntity.EntityName, $"{DispatcherEntity.Id.Key}-{index}");

    /// <summary>The entity of the shard that granted a seat (null: shard 0).</summary>
    public static EntityInstanceId IdOf(int? index) => IdOf(index ?? 0);

    /// <summary>Which shard an entity id is; 0 for anything that is not a later shard's key.</summary>
    public static int IndexOf(EntityInstanceId id)
    {
        var prefix = DispatcherEntity.Id.Key + "-";
        return id.Key.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(id.Key.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i)
            ? i
            : 0;
    }

    /// <summary>Every shard's entity, shard 0 first.</summary>
    public IEnumerable<EntityInstanceId> All => Enumerable.Range(0, Count).Select(IdOf);

    /// <summary>The shard an agent lives on.</summary>
    public int ShardOf(string agentId) => ShardPlacement.Of(agentId, Count);

    /// <summary>The entity of the shard an agent lives on.</summary>
    public EntityInstanceId ForAgent(string agentId) => IdOf(ShardOf(agentId));

    /// <summary>The board as orchestration code reads it: every shard's, merged (one shard: one call, as before shards).</summary>
    public async Task<DispatchBoard> ReadAsync(TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var boards = await Task.WhenAll(All.Select(id => context.Entities.CallEntityAsync<DispatchBoard>(id, nameof(DispatcherEntity.Get))));
        return ShardedBoard.Merge(boards);
    }
}
