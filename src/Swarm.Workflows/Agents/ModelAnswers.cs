using Microsoft.Extensions.AI;
using Swarm.Domain.Agents;
using Swarm.Domain.Tasks;

namespace Swarm.Workflows.Agents;

/// <summary>Reads an <see cref="AgentAnswer"/> off a provider response: the text, who really answered, tokens and cost.</summary>
public static class ModelAnswers
{
    public static AgentAnswer From(ChatResponse response, ProviderSettings asked, long latencyMs)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(asked);
        var facts = response.AdditionalProperties;
        var answeredBy = facts?.GetValueOrDefault(ModelResponseProperties.Provider) as string ?? asked.Type;
        return new AgentAnswer(
            Text: response.Text,
            Provider: answeredBy,
            Model: response.ModelId ?? asked.Model,
            Simulated: facts?.GetValueOrDefault(ModelResponseProperties.Simulated) as bool? ?? string.Equals(answeredBy, ProviderSettings.SimulatedType, StringComparison.Ordinal),
            InputTokens: response.Usage?.InputTokenCount ?? 0,
            OutputTokens: response.Usage?.OutputTokenCount ?? 0,
            LatencyMs: latencyMs,
            CostUsd: facts?.GetValueOrDefault(ModelResponseProperties.CostUsd) as decimal?,
            FallbackFrom: facts?.GetValueOrDefault(ModelResponseProperties.FallbackFrom) as string[]);
    }
}
