namespace Swarm.Domain.Agents;

/// <summary>The spec's agent status: the lifecycle, with an active agent shown as idle or busy by its load.</summary>
public enum AgentStatus
{
    Provisioning,
    Idle,
    Busy,
    Draining,
    Retired,
}
