using Microsoft.DurableTask.Client;
using Swarm.Application.Realtime;
using Swarm.Domain.Agents;

namespace Swarm.Api.Endpoints.Realtime;

/// <summary>
/// Web PubSub's <c>connected</c> and <c>disconnected</c> events: counted, and, for an agent's connection (its user is
/// <c>agent:{id}</c>, decided at <c>connect</c>), recorded as the agent's presence (<see cref="AgentPresence"/>, a signal).
/// A person's connections are only counted.
/// </summary>
public sealed class ConnectionEvents(RealtimeTraffic traffic, TimeProvider time)
{
    public Task OpenedAsync(ApiRequest request, string connectionId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        traffic.Connected();
        return AgentOf(request) is { } agentId
            ? AgentPresence.ConnectedAsync(durable, agentId, connectionId, time.GetUtcNow(), cancellationToken)
            : Task.CompletedTask;
    }

    public Task ClosedAsync(ApiRequest request, string connectionId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        traffic.Disconnected();
        return AgentOf(request) is { } agentId
            ? AgentPresence.DisconnectedAsync(durable, agentId, connectionId, time.GetUtcNow(), cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>The agent a connection belongs to, from the user the service reports; null for a person (or an id that is not one, or a connection id presence would refuse).</summary>
    static string? AgentOf(ApiRequest request) =>
        request.Header(CloudEventHeaders.UserId) is { } user
        && user.StartsWith(AgentSubject.Prefix, StringComparison.Ordinal)
        && user[AgentSubject.Prefix.Length..] is var agentId
        && AgentProfileRules.IsAgentId(agentId)
        && AgentPresence.IsConnectionId(request.Header(CloudEventHeaders.ConnectionId))
            ? agentId
            : null;
}
