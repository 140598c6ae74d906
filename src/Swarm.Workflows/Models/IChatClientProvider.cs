using Microsoft.Extensions.AI;
using Swarm.Domain.Agents;

namespace Swarm.Workflows.Models;

/// <summary>Gives the chat client for an agent's provider settings. Implemented by Swarm.Providers (<c>ProviderCatalog</c>).</summary>
public interface IChatClientProvider
{
    /// <exception cref="ProviderNotConfiguredException">The provider type is unknown or lacks its settings.</exception>
    IChatClient GetClient(ProviderSettings agentProvider);
}
