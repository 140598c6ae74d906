using Swarm.Domain.Agents;

namespace Swarm.Domain.Distribution;

/// <summary>A seat offered to a step that was waiting in line, with the agent's profile to do the work; the board's keeper delivers it to the task.</summary>
/// <param name="Shard">The dispatch shard that granted it, where the seat goes back; null for shard 0, as in histories from before shards.</param>
public sealed record SeatGrant(string TaskId, string SeatKey, AgentProfile Agent, string Reason, int? Shard = null)
{
    public string AgentId => Agent.Id;
}
