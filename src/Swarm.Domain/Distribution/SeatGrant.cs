using Swarm.Domain.Agents;

namespace Swarm.Domain.Distribution;

/// <summary>A seat offered to a step that was waiting in line, with the agent's profile to do the work; the board's keeper delivers it to the task.</summary>
public sealed record SeatGrant(string TaskId, string SeatKey, AgentProfile Agent, string Reason)
{
    public string AgentId => Agent.Id;
}
