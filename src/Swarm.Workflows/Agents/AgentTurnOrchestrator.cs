using Microsoft.DurableTask;
using Swarm.Domain.Tasks;

namespace Swarm.Workflows.Agents;

/// <summary>
/// Runs one agent turn: the model call with durable retries. It uses no entities, so it runs on every
/// backend, the in-memory test host included; claiming and releasing the agent is the caller's job.
/// </summary>
public sealed class AgentTurnOrchestrator : TaskOrchestrator<AgentTurn, AgentAnswer>
{
    /// <summary>
    /// Three attempts a turn. A provider's own in-call retries (Polly, per request) handle brief faults;
    /// these durable retries handle a crashed worker or a provider that stays down for seconds.
    /// </summary>
    public static readonly TaskOptions ModelCallRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 3,
        firstRetryInterval: TimeSpan.FromSeconds(1),
        backoffCoefficient: 2.0,
        maxRetryInterval: TimeSpan.FromSeconds(10)));

    public override Task<AgentAnswer> RunAsync(TaskOrchestrationContext context, AgentTurn input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CallActivityAsync<AgentAnswer>(nameof(InvokeAgentActivity), input, ModelCallRetry);
    }
}
