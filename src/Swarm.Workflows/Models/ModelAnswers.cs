using Microsoft.Extensions.AI;
using Swarm.Domain.Agents;
using Swarm.Domain.Tasks;

namespace Swarm.Workflows.Models;

/// <summary>Reads an <see cref="AgentAnswer"/> off a provider response: the text, who really answered, tokens and cost.</summary>
public static class ModelAnswers
{
    public static AgentAnswer From(ChatResponse response, ProviderSettings asked, long latencyMs)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(asked);
        var receipt = ModelCallReceipt.Of(response);
        var answeredBy = receipt?.Provider ?? asked.Type;
        return new AgentAnswer(
            Text: response.Text,
            Provider: answeredBy,
            Model: response.ModelId ?? asked.Model,
            Simulated: receipt?.Simulated ?? string.Equals(answeredBy, ProviderSettings.SimulatedType, StringComparison.Ordinal),
            InputTokens: response.Usage?.InputTokenCount ?? 0,
            OutputTokens: response.Usage?.OutputTokenCount ?? 0,
            LatencyMs: latencyMs,
            CostUsd: receipt?.CostUsd,
            FallbackFrom: receipt?.FallbackFrom);
    }
}
