using Microsoft.DurableTask.Client;
using Swarm.Domain.Distribution;
using Swarm.Domain.Learning;

namespace Swarm.Workflows.Distribution;

/// <summary>
/// The dispatch board as code outside the workflows uses it (handlers, periodic jobs): its state, and the operations
/// they may send. The entity's operation names stay here, beside the entity. With several shards
/// (<paramref name="shards"/>, <c>dispatch:shards</c>) an agent's operations go to its shard, the board-wide ones to
/// every shard, and reads merge every shard's board.
/// </summary>
public sealed class DispatcherClient(DurableTaskClient durable, int shards = 1)
{
    readonly DispatchShards all = DispatchShards.Of(shards);

    /// <summary>The board as last stored, every shard's merged (<see cref="ShardedBoard"/>); an empty board before the first agent registers.</summary>
    public async Task<DispatchBoard> GetBoardAsync(CancellationToken cancellationToken) =>
        ShardedBoard.Merge(await GetShardBoardsAsync(cancellationToken));

    /// <summary>Each shard's board, shard 0 first.</summary>
    public async Task<IReadOnlyList<DispatchBoard>> GetShardBoardsAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(all.All.Select(async id => (await durable.Entities.GetEntityAsync<DispatchBoard>(id, includeState: true, cancellationToken))?.State ?? new DispatchBoard()));

    /// <summary>Gives a seat back to the shard that holds it (self-healing's sweep of seats whose task no longer runs).</summary>
    public Task ReleaseAsync(SeatRelease release, CancellationToken cancellationToken, int shard = 0) =>
        durable.Entities.SignalEntityAsync(DispatchShards.IdOf(shard), nameof(DispatcherEntity.Release), release, cancellation: cancellationToken);

    /// <summary>Takes a step out of one shard's line.</summary>
    public Task LeaveAsync(string taskId, string seatKey, CancellationToken cancellationToken, int shard = 0) =>
        durable.Entities.SignalEntityAsync(DispatchShards.IdOf(shard), nameof(DispatcherEntity.Leave), new SeatKey(taskId, seatKey), cancellation: cancellationToken);

    /// <summary>Ends an unhealthy agent's probation.</summary>
    public Task ReinstateAsync(string agentId, CancellationToken cancellationToken) =>
        durable.Entities.SignalEntityAsync(all.ForAgent(agentId), nameof(DispatcherEntity.Reinstate), agentId, cancellation: cancellationToken);

    /// <summary>The learning pass: unconfirmed skill loses evidence at <paramref name="rate"/>, on every shard.</summary>
    public Task RelaxAsync(double rate, CancellationToken cancellationToken) =>
        EveryShardAsync(id => durable.Entities.SignalEntityAsync(id, nameof(DispatcherEntity.Relax), rate, cancellation: cancellationToken));

    /// <summary>Tells every shard how to learn and route (signals are taken in order, so a pass configures before it relaxes).</summary>
    public Task ConfigureAsync(LearningPolicy policy, CancellationToken cancellationToken) =>
        EveryShardAsync(id => durable.Entities.SignalEntityAsync(id, nameof(DispatcherEntity.Configure), policy, cancellation: cancellationToken));

    /// <summary>Tells the agent's shard one piece of evidence about its skill.</summary>
    public Task LearnAsync(SkillSignal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return durable.Entities.SignalEntityAsync(all.ForAgent(signal.AgentId), nameof(DispatcherEntity.Learn), signal, cancellation: cancellationToken);
    }

    /// <summary>Returns an agent's skill for one capability (or all, for null) to the prior, as of <paramref name="at"/>.</summary>
    public Task ResetSkillAsync(string agentId, string? capability, DateTimeOffset at, CancellationToken cancellationToken) =>
        durable.Entities.SignalEntityAsync(all.ForAgent(agentId), nameof(DispatcherEntity.ResetSkill), new SkillReset(agentId, capability, at), cancellation: cancellationToken);

    async Task EveryShardAsync(Func<Microsoft.DurableTask.Entities.EntityInstanceId, Task> signal)
    {
        foreach (var id in all.All)
        {
            await signal(id);
        }
    }
}
