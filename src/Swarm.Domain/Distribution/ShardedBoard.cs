using Swarm.Domain.Learning;

namespace Swarm.Domain.Distribution;

/// <summary>
/// The shards' boards read as one, for everything that reads the board rather than asking it for seats (the system
/// state, metrics, consensus weights, pool scaling, the sweeps). Agents live on one shard each, so they are a union;
/// counts are sums; a step waiting on several shards at once is one waiting step, listed once (where it stands first).
/// </summary>
public static class ShardedBoard
{
    /// <summary>The boards, shard 0 first, as one. One board is returned as it is.</summary>
    public static DispatchBoard Merge(IReadOnlyList<DispatchBoard> boards)
    {
        ArgumentNullException.ThrowIfNull(boards);
        if (boards.Count == 1)
        {
            return boards[0];
        }

        var agents = new Dictionary<string, BoardAgent>(StringComparer.Ordinal);
        foreach (var agent in boards.SelectMany(b => b.Agents.Values))
        {
            agents.TryAdd(agent.Id, agent);
        }

        var waiting = DispatchBoard.InServiceOrder(boards.SelectMany(b => b.Waiting), null).DistinctBy(w => w.Holder, StringComparer.Ordinal);
        return new DispatchBoard
        {
            Policy = boards.Select(b => b.Policy).FirstOrDefault(p => p is not null),
            Routing = boards.Select(b => b.Routing).OfType<RoutingCounts>().Aggregate((RoutingCounts?)null, (sum, r) => sum is null ? r : sum.Plus(r)),
            Agents = agents,
            Waiting = [.. waiting],
            Granted = boards.Sum(b => b.Granted),
            Succeeded = boards.Sum(b => b.Succeeded),
            Failed = boards.Sum(b => b.Failed),
            LastRelaxedAt = boards.Max(b => b.LastRelaxedAt),
        };
    }
}
