using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.Extensions.AI;
using Swarm.Domain.Tasks;

namespace Swarm.Workflows.Agents;

/// <summary>
/// Calls the agent's model once, through the provider stack (fallbacks, retries, breaker, accounting). The only place a
/// workflow touches a provider: activities may do I/O, orchestrators may not. Durable retries of this activity are the
/// outer retry layer (see <see cref="AgentTurnOrchestrator"/>).
/// </summary>
public sealed class InvokeAgentActivity(IChatClientProvider clients, ModelCallLimits limits) : TaskActivity<AgentTurn, AgentAnswer>
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
            AdditionalProperties = new AdditionalPropertiesDictionary
            {
                [ModelResponseProperties.AgentId] = input.Agent.Id,
                [ModelResponseProperties.Capability] = input.Capability,
            },
        };

        // A hung call must end: otherwise it holds a worker slot (and in Azure runs into the function timeout) forever.
        using var timeout = new CancellationTokenSource(limits.Timeout);
        var clock = Stopwatch.StartNew();
        ChatResponse response;
        try
        {
            response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, input.Prompt)], options, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new ModelCallFailedException($"The model call took longer than {limits.Timeout.TotalSeconds:0} s (providers:callTimeoutSeconds).");
        }

        return ModelAnswers.From(response, provider, clock.ElapsedMilliseconds);
    }
}
