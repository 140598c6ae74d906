using Microsoft.Extensions.AI;
using Swarm.Domain.Agents;

namespace Swarm.Workflows.Models;

/// <summary>The chat options every call of an agent's model carries: its model and limits, and who asks for what capability.</summary>
public static class ModelCallOptions
{
    public static ChatOptions For(AgentProfile agent, string? capability = null)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var provider = agent.Provider;
        return new ModelCallContext(agent.Id, capability).AttachTo(new ChatOptions
        {
            ModelId = provider.Model,
            MaxOutputTokens = provider.MaxTokens,
            Temperature = (float)provider.Temperature,
        });
    }
}
