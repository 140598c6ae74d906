using Microsoft.DurableTask.Client;
using Swarm.Domain.Agents;
using Swarm.Workflows.Agents;

namespace Swarm.Runtime.Agents;

/// <summary>Reads agents' ledgers from their entities.</summary>
public static class AgentLookup
{
    /// <summary>The ledger of every agent on the roster (one entity read each), in roster order; agents never provisioned are left out.</summary>
    public static async Task<IReadOnlyList<AgentLedger>> AllAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var agents = new AgentClient(durable);
        var ledgers = new List<AgentLedger>();
        foreach (var agentId in await agents.MembersAsync(cancellationToken))
        {
            if (await agents.GetAsync(agentId, cancellationToken) is { } stored)
            {
                ledgers.Add(stored.Ledger);
            }
        }

        return ledgers;
    }

    /// <summary>An agent's ledger; a malformed id or an agent never provisioned both read as null.</summary>
    public static async Task<AgentLedger?> FindAsync(DurableTaskClient durable, string? agentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        return AgentProfileRules.IsAgentId(agentId)
            ? (await new AgentClient(durable).GetAsync(agentId!, cancellationToken))?.Ledger
            : null;
    }
}
