using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.Extensions.AI;
using Swarm.Domain.Agents;
using Swarm.Domain.Tasks;

namespace Swarm.Workflows.Agents;

/// <summary>
/// Calls the agent's model once. The only place a workflow touches a provider: activities may do I/O,
/// orchestrators may not. Durable retries of this activity are the outer retry layer (see AgentTurnOrchestrator).
/// </summary>
public sealed class InvokeAgentActivity(IChatClientProvider clients) : TaskActivity<AgentTurn, AgentAnswer>
{
    public override async Task<AgentAnswer> RunAsync(TaskActivityContext context, AgentTurn input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var provider = input.Agent.Provider;
        var client = clients.GetClient(provider);
        var options = new ChatOptions
        {
            ModelId = provider.Model,
            MaxOutputTokens = provider.MaxTokens,
            Temperature = (float)provider.Temperature,
        };

        var clock = Stopwatch.StartNew();
        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, input.Prompt)], options);
        clock.Stop();

        return new AgentAnswer(
            Text: response.Text,
            Provider: provider.Type,
            Model: response.ModelId ?? provider.Model,
            Simulated: string.Equals(provider.Type, ProviderSettings.SimulatedType, StringComparison.Ordinal),
            InputTokens: response.Usage?.InputTokenCount ?? 0,
            OutputTokens: response.Usage?.OutputTokenCount ?? 0,
            LatencyMs: clock.ElapsedMilliseconds);
    }
}
