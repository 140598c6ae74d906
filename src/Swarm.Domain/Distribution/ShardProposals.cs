using Swarm.Domain.Learning;

namespace Swarm.Domain.Distribution;

/// <summary>
/// Which shards a sharded step claims on, best first, from every shard's <see cref="SeatProposal"/>: the order
/// <see cref="AgentSelector.Rank"/> would give the proposed agents on one board holding them all. A seat the step already
/// holds comes first; then model agents before external ones; then an explored agent (ε) before the others, from the best
/// exploration tier, the shard picked in proportion to its tier's size so the swarm-wide pick is uniform over the union's
/// tier; then by score, ties to the agent id that sorts first, as on one board.
/// </summary>
public static class ShardProposals
{
    /// <summary>The indexes of the proposals that would grant, in the order to claim them.</summary>
    public static IReadOnlyList<int> ClaimOrder(IReadOnlyList<SeatProposal> proposals, string holder)
    {
        ArgumentNullException.ThrowIfNull(proposals);
        ArgumentNullException.ThrowIfNull(holder);
        var granting = Enumerable.Range(0, proposals.Count).Where(i => proposals[i].Grants).ToList();
        var order = granting
            .OrderByDescending(i => proposals[i].Held)
            .ThenBy(i => proposals[i].External)
            .ThenByDescending(i => proposals[i].Explored)
            .ThenByDescending(i => proposals[i].Explored ? proposals[i].TypeFit : 0)
            .ThenByDescending(i => proposals[i].Score)
            .ThenBy(i => proposals[i].AgentId, StringComparer.Ordinal)
            .ThenBy(i => i)
            .ToList();
        if (order.Count < 2 || proposals[order[0]].Held || !proposals[order[0]].Explored)
        {
            return order;
        }

        // Every shard explored on the same u (the swarm draw), each in its own tier: pick one of the best tier's shards
        // with a second, independent uniform, weighted by tier size, so each agent of the union's tier is equally likely.
        var lead = proposals[order[0]];
        var explored = order.TakeWhile(i => proposals[i].Explored && proposals[i].External == lead.External && proposals[i].TypeFit.Equals(lead.TypeFit)).ToList();
        var total = explored.Sum(i => Math.Max(1, proposals[i].TierSize));
        var target = SelectionDraw.ForSwarm(holder).ShardUniform * total;
        var chosen = explored[^1];
        foreach (var i in explored)
        {
            target -= Math.Max(1, proposals[i].TierSize);
            if (target < 0)
            {
                chosen = i;
                break;
            }
        }

        return [chosen, .. order.Where(i => i != chosen)];
    }
}
