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
        var roster = await durable.Entities.GetEntityAsync<AgentRoster>(AgentRosterEntity.Id, includeState: true, cancellationToken);
        var ledgers = new List<AgentLedger>();
        foreach (var agentId in roster?.State?.Members ?? [])
        {
            if ((await durable.Entities.GetEntityAsync<AgentLedger>(AgentEntity.IdFor(agentId), includeState: true, cancellationToken))?.State is { } ledger)
            {
                ledgers.Add(ledger);
            }
        }

        return ledgers;
    }

    /// <summary>An agent's ledger; a malformed id or an agent never provisioned both read as null.</summary>
    public static async Task<AgentLedger?> FindAsync(DurableTaskClient durable, string? agentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        return AgentProfileRules.IsAgentId(agentId)
            ? (await durable.Entities.GetEntityAsync<AgentLedger>(AgentEntity.IdFor(agentId!), includeState: true, cancellationToken))?.State
            : null;
    }
}
