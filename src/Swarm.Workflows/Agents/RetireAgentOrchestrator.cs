using Microsoft.DurableTask;
using Swarm.Domain.Agents;

namespace Swarm.Workflows.Agents;

/// <summary>
/// Retires an agent: take it off the dispatch board, drain it (no new tasks), wait on durable timers until the tasks it holds have finished, revoke
/// its API keys, retire it, and give its place on the roster back. The listing is updated at each step.
/// </summary>
public sealed class RetireAgentOrchestrator : TaskOrchestrator<string, bool>
{
    static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    public override async Task<bool> RunAsync(TaskOrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var agent = AgentEntity.IdFor(input);

        // The dispatcher stops offering the agent first, so no new seat is granted that its ledger would then refuse.
        await context.Entities.CallEntityAsync(Distribution.DispatcherEntity.Id, nameof(Distribution.DispatcherEntity.Withdraw), input);
        var draining = await context.Entities.CallEntityAsync<AgentLedger?>(agent, nameof(AgentEntity.Drain));
        if (draining is null)
        {
            return false;
        }

        await context.CallActivityAsync<bool>(nameof(RecordAgentActivity), AgentSnapshot.From(draining, context.CurrentUtcDateTime), RecordAgentActivity.Retry);

        // A draining agent is refused new claims, so once it holds no task it never will again. Its keys are revoked
        // then, and only after that is it marked retired: an external agent needs its key until its last result is
        // in, and once "retired" shows, the key must already be dead.
        var wait = TimeSpan.FromSeconds(1);
        while (await context.Entities.CallEntityAsync<AgentLedger?>(agent, nameof(AgentEntity.Get)) is { Load: > 0 })
        {
            await context.CreateTimer(wait, CancellationToken.None);
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestWait.Ticks));
        }

        await context.CallActivityAsync<int>(nameof(RevokeAgentKeysActivity), input, RecordAgentActivity.Retry);
        while (!await context.Entities.CallEntityAsync<bool>(agent, nameof(AgentEntity.Retire)))
        {
            // Not expected (nothing can claim a draining agent); waited out rather than assumed.
            await context.CreateTimer(wait, CancellationToken.None);
        }

        await context.Entities.CallEntityAsync(AgentRosterEntity.Id, nameof(AgentRosterEntity.Leave), input);
        var retired = await context.Entities.CallEntityAsync<AgentLedger?>(agent, nameof(AgentEntity.Get));
        await context.CallActivityAsync<bool>(nameof(RecordAgentActivity), AgentSnapshot.From(retired!, context.CurrentUtcDateTime), RecordAgentActivity.Retry);
        return true;
    }
}
