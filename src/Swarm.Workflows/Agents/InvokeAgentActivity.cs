using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Models;

namespace Swarm.Workflows.Agents;

/// <summary>
/// Calls the agent's model once, through the provider stack (fallbacks, retries, breaker, accounting). The only place a
/// workflow touches a provider: activities may do I/O, orchestrators may not. Durable retries of this activity are the
/// outer retry layer (see <see cref="AgentTurnOrchestrator"/>).
/// </summary>
public sealed class InvokeAgentActivity(IChatClientProvider clients, ModelCallLimits limits, ILoggerFactory loggers) : TaskActivity<AgentTurn, AgentAnswer>
{
    readonly ILogger log = loggers.CreateLogger(Logs.ModelCategory);

    public override async Task<AgentAnswer> RunAsync(TaskActivityContext context, AgentTurn input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var provider = input.Agent.Provider;
        var client = clients.GetClient(provider);
        var options = ModelCallOptions.For(input.Agent, input.Capability);
        var clock = Stopwatch.StartNew();
        log.ModelCallStarted(input.TaskId, input.Agent.Id, provider.Type, provider.Model);
        try
        {
            var response = await limits.RunAsync("model call", token => client.GetResponseAsync([new ChatMessage(ChatRole.User, input.Prompt)], options, token), input.Deadline);
            var answer = ModelAnswers.From(response, provider, clock.ElapsedMilliseconds);
            log.ModelCallEnded(input.TaskId, input.Agent.Id, answer.Provider, answer.Model, answer.LatencyMs, answer.InputTokens, answer.OutputTokens);
            return answer;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.ModelCallFailed(input.TaskId, input.Agent.Id, provider.Type, provider.Model, clock.ElapsedMilliseconds, $"{e.GetType().Name}: {e.Message}");
            throw;
        }
    }
}
