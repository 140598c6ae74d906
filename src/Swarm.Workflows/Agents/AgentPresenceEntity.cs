using Microsoft.DurableTask.Entities;
using Swarm.Domain.Agents;

namespace Swarm.Workflows.Agents;

/// <summary>
/// One agent's presence on the real-time channel (a <see cref="Presence"/>), keyed by the agent's id: the one owner of
/// its connections and heartbeats. Kept apart from <see cref="AgentEntity"/> because it changes every few seconds while
/// the profile and lifecycle hardly ever do, and a heartbeat should neither rewrite the profile nor queue behind a
/// provisioning. Only signalled (by <c>Swarm.Application.Realtime.AgentPresence</c>) and read; the rules are the record's.
/// </summary>
public sealed class AgentPresenceEntity : TaskEntity<Presence>
{
    /// <summary>The entity name. The runtime lowercases entity names, so it is written lowercase here.</summary>
    public const string EntityName = "presence";

    public static EntityInstanceId IdFor(string agentId) => new(EntityName, agentId);

    public void Connected(ConnectionChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        State = State.Connect(change.ConnectionId, change.At);
    }

    public void Disconnected(ConnectionChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        State = State.Disconnect(change.ConnectionId, change.At);
    }

    public void Heartbeat(HeartbeatSignal heartbeat)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        State = State.Heartbeat(heartbeat.At, heartbeat.Status);
    }

    public Presence Get() => State;

    /// <summary>Deletes the record: the agent has retired. A report that arrives later starts a new one, which is harmless.</summary>
    public void Forget() => State = null!;

    protected override Presence InitializeState(TaskEntityOperation entityOperation) => new();
}
