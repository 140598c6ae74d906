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
        var options = ModelCallOptions.For(input.Agent, input.Capability);
        var clock = Stopwatch.StartNew();
        var response = await limits.RunAsync("model call", token => client.GetResponseAsync([new ChatMessage(ChatRole.User, input.Prompt)], options, token), input.Deadline);
        return ModelAnswers.From(response, provider, clock.ElapsedMilliseconds);
    }
}
