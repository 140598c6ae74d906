using Microsoft.DurableTask.Client;
using Swarm.Domain.Agents;
using Swarm.Workflows.Agents;

namespace Swarm.Runtime.Agents;

/// <summary>Reads an agent's ledger from its entity; a malformed id or an agent never provisioned both read as null.</summary>
public static class AgentLookup
{
    public static async Task<AgentLedger?> FindAsync(DurableTaskClient durable, string? agentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        return AgentProfileRules.IsAgentId(agentId)
            ? (await durable.Entities.GetEntityAsync<AgentLedger>(AgentEntity.IdFor(agentId!), includeState: true, cancellationToken))?.State
            : null;
    }
}
