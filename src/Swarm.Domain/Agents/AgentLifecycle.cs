namespace Swarm.Domain.Agents;

/// <summary>Where an agent is in its life. While <see cref="Active"/> it is idle or busy by its load (see <see cref="AgentStatus"/>).</summary>
public enum AgentLifecycle
{
    /// <summary>Takes tasks.</summary>
    Active,

    /// <summary>Takes no new tasks; the ones it holds run to completion, then it retires.</summary>
    Draining,

    /// <summary>Gone from the roster; kept for its history.</summary>
    Retired,
}
