using Swarm.Domain.Distribution;

namespace Swarm.Api.Endpoints.Operations;

/// <summary>
/// The dispatch board as the system state shows it: how many shards it has (<c>dispatch:shards</c>) and each one's load,
/// so an operator sees whether one shard's line grows while the others idle.
/// </summary>
/// <param name="Misplaced">
/// Agents on a shard that placement under today's count does not name: <c>dispatch:shards</c> was changed while they
/// existed, so their own operations (health, skill, retirement) go to a shard that does not know them. Set the count
/// back, or retire and re-create them. Empty when all is well.
/// </param>
public sealed record DispatchStatus(int Shards, IReadOnlyList<ShardLoad> Load, IReadOnlyList<string> Misplaced)
{
    /// <param name="shardBoards">Each shard's board, shard 0 first.</param>
    public static DispatchStatus Of(IReadOnlyList<DispatchBoard> shardBoards)
    {
        ArgumentNullException.ThrowIfNull(shardBoards);
        var misplaced = shardBoards
            .SelectMany((board, shard) => board.Agents.Keys.Where(id => ShardPlacement.Of(id, shardBoards.Count) != shard))
            .Order(StringComparer.Ordinal);
        return new(shardBoards.Count, [.. shardBoards.Select((board, shard) => ShardLoad.Of(shard, board))], [.. misplaced]);
    }
}
