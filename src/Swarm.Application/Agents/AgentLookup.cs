using Microsoft.DurableTask.Client;
using Swarm.Domain.Agents;
using Swarm.Workflows.Agents;

namespace Swarm.Application.Agents;

/// <summary>Reads agents' ledgers from their entities.</summary>
public static class AgentLookup
{
    /// <summary>An agent's ledger; a malformed id or an agent never provisioned both read as null.</summary>
    public static async Task<AgentLedger?> FindAsync(DurableTaskClient durable, string? agentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        return AgentProfileRules.IsAgentId(agentId)
            ? (await new AgentClient(durable).GetAsync(agentId!, cancellationToken))?.Ledger
            : null;
    }
}
