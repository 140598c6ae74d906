using Swarm.Domain.Agents;
using Swarm.Domain.Distribution;

namespace Swarm.Api.Endpoints.Operations;

/// <summary>
/// Agents' presence as the system state shows it: how many agents have a connection on the real-time channel, and the
/// external agents that hold a step but are not connected or whose heartbeat is overdue (<see cref="SilentHolder"/>): the
/// steps that may be waiting on someone who is not there. The heartbeat interval and when a heartbeat is overdue go with it.
/// </summary>
public sealed record PresenceSummary(int HeartbeatSeconds, int OverdueAfterSeconds, int Connected, IReadOnlyList<SilentHolder> SilentHolders)
{
    /// <param name="board">The dispatch board: who holds which steps, and which agents are external.</param>
    /// <param name="presences">Every presence recorded, by agent id (an agent without one has shown no sign of life).</param>
    public static PresenceSummary From(DispatchBoard board, IReadOnlyDictionary<string, Presence> presences, DateTimeOffset now, TimeSpan heartbeatInterval)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(presences);
        var silent = new List<SilentHolder>();
        foreach (var agent in board.Agents.Values.Where(a => a is { IsExternal: true, Load: > 0 }).OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            var presence = presences.GetValueOrDefault(agent.Id) ?? new Presence();
            var overdue = presence.IsHeartbeatOverdue(now, heartbeatInterval);
            if (!presence.IsConnected || overdue)
            {
                silent.Add(new SilentHolder(agent.Id, agent.Holders, presence.IsConnected, presence.LastHeartbeatAt, overdue));
            }
        }

        return new PresenceSummary(
            (int)heartbeatInterval.TotalSeconds,
            (int)(heartbeatInterval * Presence.MissedHeartbeatsAllowed).TotalSeconds,
            presences.Values.Count(p => p.IsConnected),
            silent);
    }
}
