using Microsoft.DurableTask;
using Swarm.Domain.Distribution;
using Swarm.Workflows.Distribution;

namespace Swarm.Workflows.Tasks;

/// <summary>
/// One seat request of a step when the dispatch board has several shards (docs/design/dispatch-shards.md). First an
/// offer round: the step asks its home shard (<see cref="ShardPlacement"/> of its holder) for a free seat, then the
/// others in rotation, none of them queueing it, until one grants; with free seats that is one call, as with one board.
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
        var busy = new List<int>();
        var empty = 0;
        SeatDecision? noFit = null;
        foreach (var shard in inRotation)
        {
            var offer = await CallAsync<SeatDecision>(shard, nameof(DispatcherEntity.Offer), request);
            switch (offer.Outcome)
            {
                case SeatOutcome.Granted:
                    return (offer, shard);
                case SeatOutcome.Busy or SeatOutcome.Queued:
                    busy.Add(shard);
                    break;
                case SeatOutcome.NoAgents:
                    empty++;
                    break;
                default:
                    noFit = offer;
                    break;
            }
        }

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
                    // A seat came free between the offer and the queueing: take it and leave the lines joined so far.
                    await LeaveOthersAsync(shard);
                    return (answer, shard);
                case SeatOutcome.Queued:
                    lines.Add(shard);
                    best = best is null || answer.Position < best.Position ? answer : best;
                    break;
                default:
                    // Its fitting agents left since the offer; the other lines may still serve the step.
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
