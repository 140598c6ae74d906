namespace Swarm.Domain.Agents;

/// <summary>
/// The spec's agent status: the lifecycle, with an active agent shown as idle or busy by its load, or unhealthy after
/// <see cref="AgentLedger.UnhealthyAfter"/> failed steps in a row.
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
