using Microsoft.Extensions.AI;
using Swarm.Domain.Agents;

namespace Swarm.Workflows.Models;

/// <summary>The chat options every call of an agent's model carries: its model and limits, and who asks for what capability (and, for a ballot, the question voted on).</summary>
public static class ModelCallOptions
{
    public static ChatOptions For(AgentProfile agent, string? capability = null, string? question = null)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var provider = agent.Provider;
        return new ModelCallContext(agent.Id, capability, question).AttachTo(new ChatOptions
        {
            ModelId = provider.Model,
            MaxOutputTokens = provider.MaxTokens,
            Temperature = (float)provider.Temperature,
        });
    }
}
