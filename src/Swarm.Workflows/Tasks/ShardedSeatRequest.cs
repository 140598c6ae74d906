using Microsoft.DurableTask;
using Swarm.Domain.Distribution;
using Swarm.Workflows.Distribution;

namespace Swarm.Workflows.Tasks;

/// <summary>
/// One seat request of a step when the dispatch board has several shards (docs/design/dispatch-shards.md). First a
/// propose/claim round: every shard proposes the agent it would grant and its score (read-only, side by side), and the
/// step claims on the shard with the best proposal (<see cref="ShardProposals.ClaimOrder"/>), then the next best if that
/// agent filled meanwhile, none of them queueing it: the agent one board would choose, at N + 1 calls with free seats.
/// If none grants, it stands in the line of every shard that has a fitting agent (each line keeps its own priority and
/// ageing), takes the first grant, and leaves the other lines, giving back unused any seat a shard granted meanwhile,
/// so no seat leaks. It is NoFit only when no shard has a fitting agent and at least one has agents; when no shard
/// has any agent the swarm is starting, and it waits on every shard. Every call goes through the orchestration's
/// context in a fixed order, so a replay asks what the first run asked.
/// </summary>
public sealed class ShardedSeatRequest(TaskOrchestrationContext context, DispatchShards shards, SeatRequest request)
{
    readonly List<int> lines = [];

    /// <summary>The shards whose lines the step stands in.</summary>
    public IReadOnlyList<int> Lines => lines;

    /// <summary>
    /// Asks the shards: a grant (with the shard that gave it), or the best place in the lines the step now stands in, or
    /// NoFit for the swarm.
    /// </summary>
    public async Task<(SeatDecision Decision, int Shard)> AskAsync()
    {
        var home = ShardPlacement.Of(request.Holder, shards.Count);
        var inRotation = Enumerable.Range(0, shards.Count).Select(k => (home + k) % shards.Count).ToList();

        // Propose on every shard side by side (read-only), then claim on the best, then the next best: the agent one
        // board would choose among all of them. Task.WhenAll keeps the results in shard order, so a replay sees the same.
        var proposals = await Task.WhenAll(Enumerable.Range(0, shards.Count).Select(shard => CallAsync<SeatProposal>(shard, nameof(DispatcherEntity.Propose), request)));
        var filled = new List<int>();
        foreach (var shard in ShardProposals.ClaimOrder(proposals, request.Holder))
        {
            var claimed = await CallAsync<SeatDecision>(shard, nameof(DispatcherEntity.Claim), new SeatClaim(request, proposals[shard]));
            if (claimed.Outcome == SeatOutcome.Granted)
            {
                return (claimed, shard);
            }

            // Its proposed agent filled meanwhile: the shard still has a fitting agent, so it is a line to stand in.
            filled.Add(shard);
        }

        var busy = inRotation.Where(shard => proposals[shard].Outcome == SeatOutcome.Busy || filled.Contains(shard)).ToList();
        var empty = proposals.Count(p => p.Outcome == SeatOutcome.NoAgents);
        SeatDecision? noFit = proposals.FirstOrDefault(p => p.Outcome == SeatOutcome.NoFit) is { } none ? SeatDecision.NoFit(none.Reason) : null;
        if (busy.Count == 0 && empty < shards.Count)
        {
            return (noFit!, home);
        }

        SeatDecision? best = null;
        foreach (var shard in busy.Count > 0 ? busy : inRotation)
        {
            var answer = await CallAsync<SeatDecision>(shard, nameof(DispatcherEntity.Request), request);
            switch (answer.Outcome)
            {
                case SeatOutcome.Granted:
                    // A seat came free between the claims and the queueing: take it and leave the lines joined so far.
                    await LeaveOthersAsync(shard);
                    return (answer, shard);
                case SeatOutcome.Queued:
                    lines.Add(shard);
                    best = best is null || answer.Position < best.Position ? answer : best;
                    break;
                default:
                    // Its fitting agents left since the proposal; the other lines may still serve the step.
                    noFit = answer;
                    break;
            }
        }

        return best is not null ? (best, lines[0]) : (noFit!, home);
    }

    /// <summary>
    /// After <paramref name="granting"/>'s seat arrived: leaves every other line, giving back unused (no outcome) a seat
    /// another shard granted before it heard.
    /// </summary>
    public async Task LeaveOthersAsync(int granting)
    {
        foreach (var shard in lines.Where(s => s != granting).ToList())
        {
            if (await LeaveAsync(shard) is { Agent: { } agent })
            {
                await ReleaseUnusedAsync(shard, agent.Id);
            }
        }

        lines.Clear();
    }

    /// <summary>
    /// When the wait ended with no seat: leaves every line. A seat granted meanwhile (its offer still on the way) is
    /// returned to be used, the first one found; any other is given back unused.
    /// </summary>
    public async Task<(SeatDecision Decision, int Shard)?> LeaveAllAsync()
    {
        (SeatDecision Decision, int Shard)? kept = null;
        foreach (var shard in lines)
        {
            if (await LeaveAsync(shard) is { Agent: { } agent } granted)
            {
                if (kept is null)
                {
                    kept = (granted, shard);
                }
                else
                {
                    await ReleaseUnusedAsync(shard, agent.Id);
                }
            }
        }

        lines.Clear();
        return kept;
    }

    Task<SeatDecision?> LeaveAsync(int shard) =>
        CallAsync<SeatDecision?>(shard, nameof(DispatcherEntity.Leave), new SeatKey(request.TaskId, request.SeatKey));

    Task ReleaseUnusedAsync(int shard, string agentId) =>
        context.Entities.SignalEntityAsync(DispatchShards.IdOf(shard), nameof(DispatcherEntity.Release), new SeatRelease(agentId, request.Holder, []));

    Task<T> CallAsync<T>(int shard, string operation, object input) =>
        context.Entities.CallEntityAsync<T>(DispatchShards.IdOf(shard), operation, input);
}
