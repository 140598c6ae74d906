using Microsoft.DurableTask.Client;
using Swarm.Domain.Agents;
using Swarm.Workflows.Agents;

namespace Swarm.Application.Realtime;

/// <summary>
/// Where an agent's presence is told what happened: its connections opening and closing on the real-time channel (the
/// channel's event handler) and its heartbeats (that handler's frames and <c>POST /api/v1/agents/{id}/heartbeat</c>).
/// Each call sends one signal to the agent's <see cref="AgentPresenceEntity"/> and returns without waiting for it to be
/// applied; repeated or out-of-order reports are safe (<see cref="Presence"/>). Callers pass agents they have
/// authenticated: nothing here checks that the agent exists (the heartbeat route does).
/// </summary>
public static class AgentPresence
{
    /// <summary>The longest connection id accepted; Web PubSub's are far shorter.</summary>
    public const int MaxConnectionIdLength = 256;

    /// <summary>A connection of <paramref name="agentId"/> opened at <paramref name="at"/>.</summary>
    /// <exception cref="ArgumentException">The agent id or connection id is malformed.</exception>
    public static Task ConnectedAsync(DurableTaskClient durable, string agentId, string connectionId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Check(durable, agentId, connectionId);
        return new PresenceClient(durable).ConnectedAsync(agentId, new ConnectionChange(connectionId, at), cancellationToken);
    }

    /// <summary>A connection of <paramref name="agentId"/> closed at <paramref name="at"/> (its <c>connected</c> may not have arrived yet).</summary>
    /// <exception cref="ArgumentException">The agent id or connection id is malformed.</exception>
    public static Task DisconnectedAsync(DurableTaskClient durable, string agentId, string connectionId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Check(durable, agentId, connectionId);
        return new PresenceClient(durable).DisconnectedAsync(agentId, new ConnectionChange(connectionId, at), cancellationToken);
    }

    /// <summary>A heartbeat of <paramref name="agentId"/> received at <paramref name="at"/>.</summary>
    /// <exception cref="ArgumentException">The agent id is malformed.</exception>
    public static Task HeartbeatAsync(DurableTaskClient durable, string agentId, DateTimeOffset at, CancellationToken cancellationToken) =>
        HeartbeatAsync(durable, agentId, at, status: null, cancellationToken);

    /// <summary>A heartbeat of <paramref name="agentId"/> received at <paramref name="at"/>, with what it said of itself (<see cref="HeartbeatStatus"/>).</summary>
    /// <exception cref="ArgumentException">The agent id or the status is malformed.</exception>
    public static Task HeartbeatAsync(DurableTaskClient durable, string agentId, DateTimeOffset at, string? status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        CheckAgent(agentId);
        if (HeartbeatStatus.Problem(status) is { } problem)
        {
            throw new ArgumentException("The heartbeat's status " + problem, nameof(status));
        }

        return new PresenceClient(durable).HeartbeatAsync(agentId, new HeartbeatSignal(at, status), cancellationToken);
    }

    /// <summary>Whether presence takes this as a connection id: 1 to <see cref="MaxConnectionIdLength"/> characters, none a control character.</summary>
    public static bool IsConnectionId(string? connectionId) =>
        connectionId is { Length: > 0 and <= MaxConnectionIdLength } && !connectionId.Any(char.IsControl);

    static void Check(DurableTaskClient durable, string agentId, string connectionId)
    {
        ArgumentNullException.ThrowIfNull(durable);
        CheckAgent(agentId);
        if (!IsConnectionId(connectionId))
        {
            throw new ArgumentException($"A connection id is 1 to {MaxConnectionIdLength} characters without control characters.", nameof(connectionId));
        }
    }

    static void CheckAgent(string agentId)
    {
        if (!AgentProfileRules.IsAgentId(agentId))
        {
            throw new ArgumentException($"'{agentId}' is not an agent id.", nameof(agentId));
        }
    }
}
