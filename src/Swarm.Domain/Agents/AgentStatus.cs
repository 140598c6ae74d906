namespace Swarm.Domain.Agents;

/// <summary>
/// The spec's agent status: the lifecycle, with an active agent shown as idle or busy by its load, or unhealthy after
/// <see cref="Distribution.AgentWork.UnhealthyAfter"/> failed steps in a row (<see cref="Distribution.BoardAgent.StatusOf"/>).
/// </summary>
public enum AgentStatus
{
    Provisioning,
    Idle,
    Busy,
    Draining,
    Retired,
    Unhealthy,
}
