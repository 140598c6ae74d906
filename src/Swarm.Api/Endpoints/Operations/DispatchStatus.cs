using Swarm.Domain.Distribution;

namespace Swarm.Api.Endpoints.Operations;

/// <summary>
/// The dispatch board as the system state shows it: how many shards it has (<c>dispatch:shards</c>) and each one's load,
/// so an operator sees whether one shard's line grows while the others idle.
/// </summary>
public sealed record DispatchStatus(int Shards, IReadOnlyList<ShardLoad> Load)
{
    /// <param name="shardBoards">Each shard's board, shard 0 first.</param>
    public static DispatchStatus Of(IReadOnlyList<DispatchBoard> shardBoards)
    {
        ArgumentNullException.ThrowIfNull(shardBoards);
        return new(shardBoards.Count, [.. shardBoards.Select((board, shard) => ShardLoad.Of(shard, board))]);
    }
}
