using Microsoft.DurableTask.Client;
using Swarm.Domain.Agents;

namespace Swarm.Workflows.Agents;

/// <summary>
/// Agents' presence as code outside the workflows uses it: signals to <see cref="AgentPresenceEntity"/> (sent, not
/// waited for: the entity applies them in its own time, in any order) and reads of what it holds.
/// </summary>
public sealed class PresenceClient(DurableTaskClient durable)
{
    public Task ConnectedAsync(string agentId, ConnectionChange change, CancellationToken cancellationToken) =>
        durable.Entities.SignalEntityAsync(AgentPresenceEntity.IdFor(agentId), nameof(AgentPresenceEntity.Connected), change, cancellation: cancellationToken);

    public Task DisconnectedAsync(string agentId, ConnectionChange change, CancellationToken cancellationToken) =>
        durable.Entities.SignalEntityAsync(AgentPresenceEntity.IdFor(agentId), nameof(AgentPresenceEntity.Disconnected), change, cancellation: cancellationToken);

    public Task HeartbeatAsync(string agentId, HeartbeatSignal heartbeat, CancellationToken cancellationToken) =>
        durable.Entities.SignalEntityAsync(AgentPresenceEntity.IdFor(agentId), nameof(AgentPresenceEntity.Heartbeat), heartbeat, cancellation: cancellationToken);

    /// <summary>The agent's presence; an empty one for an agent the channel has never reported.</summary>
    public async Task<Presence> GetAsync(string agentId, CancellationToken cancellationToken) =>
        (await durable.Entities.GetEntityAsync<Presence>(AgentPresenceEntity.IdFor(agentId), includeState: true, cancellationToken))?.State ?? new Presence();

    /// <summary>Every agent's presence that was ever reported, by agent id: one query over the presence entities.</summary>
    public async Task<IReadOnlyDictionary<string, Presence>> GetAllAsync(CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, Presence>(StringComparer.Ordinal);
        await foreach (var (agentId, presence) in EntityStates.GetAllAsync<Presence>(durable, AgentPresenceEntity.EntityName, cancellationToken))
        {
            all[agentId] = presence;
        }

        return all;
    }
}
