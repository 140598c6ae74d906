using Microsoft.DurableTask.Entities;
using Swarm.Domain.Agents;

namespace Swarm.Workflows.Agents;

/// <summary>
/// The swarm's roster as one durable entity: joins are applied one at a time, so <c>system.maxAgents</c> and unique
/// agent ids hold under any number of concurrent creations.
/// </summary>
public sealed class AgentRosterEntity : TaskEntity<AgentRoster>
{
    public const string EntityName = "agentroster";

    /// <summary>There is one roster per swarm (per task hub).</summary>
    public static EntityInstanceId Id { get; } = new(EntityName, "swarm");

    public RosterJoin Join(RosterJoinRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (next, result) = State.Join(request.AgentId, request.MaxAgents);
        State = next;
        return result;
    }

    public void Leave(string agentId) => State = State.Leave(agentId);

    public AgentRoster Get() => State;

    protected override AgentRoster InitializeState(TaskEntityOperation entityOperation) => new();
}
