using Microsoft.DurableTask;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Models;

namespace Swarm.Workflows.Agents;

/// <summary>
/// Runs one agent turn: the model call with durable retries. It uses no entities, so it runs on every backend, the
/// in-memory test host included, which is where the workflow tests and the benchmark's engine-ceiling scenario use it.
/// Tasks call <see cref="InvokeAgentActivity"/> directly with the same <see cref="ModelCallRetry"/>, saving an instance.
/// </summary>
public sealed class AgentTurnOrchestrator : TaskOrchestrator<AgentTurn, AgentAnswer>
{
    /// <summary>
    /// Three attempts a turn. The provider stack's in-call retries (Polly, seconds apart) handle brief faults; these
    /// durable retries handle a crashed worker, or a provider that stays down longer than a call may wait. A call the
    /// provider rejected (bad key, unknown model) or could not be routed at all is not retried: it would fail the same
    /// way; nor is one stopped by the task's deadline. A turn makes at most 3 × Σ over its provider routes of (1 + maxRetries) vendor requests (9 with the defaults and
    /// no fallback), and none to a model whose breaker is open.
    /// </summary>
    public static readonly TaskOptions ModelCallRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 3,
        firstRetryInterval: TimeSpan.FromSeconds(1),
        backoffCoefficient: 2.0,
        maxRetryInterval: TimeSpan.FromSeconds(10))
    {
        HandleFailure = failure => !IsPermanent(failure),
    });

    static bool IsPermanent(TaskFailureDetails failure) =>
        failure.ErrorType == typeof(ModelCallRejectedException).FullName
        || failure.ErrorType == typeof(ProviderNotConfiguredException).FullName
        || failure.ErrorType == typeof(TaskDeadlinePassedException).FullName;

    /// <summary>One model call without tools (a turn that offers tools belongs to a task's <see cref="AgentLoop"/>).</summary>
    public override async Task<AgentAnswer> RunAsync(TaskOrchestrationContext context, AgentTurn input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var reply = await context.CallActivityAsync<AgentReply>(nameof(InvokeAgentActivity), input with { Tools = null, Rounds = null }, ModelCallRetry);
        return reply.Answer;
    }
}
