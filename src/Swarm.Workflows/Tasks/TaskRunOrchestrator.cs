using Microsoft.DurableTask;
using Swarm.Domain.Agents;
using Swarm.Workflows.Agents;

namespace Swarm.Workflows.Tasks;

/// <summary>
/// One task from acceptance to result: claim a slot on the agent, run the agent's turn, release the slot.
/// Every step is recorded in durable history, so a crash anywhere resumes here instead of starting over.
/// </summary>
public sealed class TaskRunOrchestrator : TaskOrchestrator<TaskRunInput, TaskRunResult>
{
    static readonly TimeSpan FirstSlotWait = TimeSpan.FromSeconds(1);
    static readonly TimeSpan LongestSlotWait = TimeSpan.FromSeconds(15);

    public override async Task<TaskRunResult> RunAsync(TaskOrchestrationContext context, TaskRunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            return await RunOnAgentAsync(context, input);
        }
        catch (Exception e) when (e is TaskFailedException or AgentSlotUnavailableException)
        {
            // The reason goes into the custom status: unlike failure details, every backend keeps it whole.
            context.SetCustomStatus(new TaskProgress(TaskProgress.Failed, input.AgentId, TaskFailure.From(e)));
            throw;
        }
    }

    static async Task<TaskRunResult> RunOnAgentAsync(TaskOrchestrationContext context, TaskRunInput input)
    {
        var agent = AgentEntity.IdFor(input.AgentId);
        var profile = await ClaimSlotAsync(context, input);

        context.SetCustomStatus(new TaskProgress(TaskProgress.Running, input.AgentId));
        var started = context.CurrentUtcDateTime;
        try
        {
            var answer = await context.CallSubOrchestratorAsync<Domain.Tasks.AgentAnswer>(
                nameof(AgentTurnOrchestrator), new AgentTurn(input.TaskId, profile, input.Prompt));
            var answeredAt = context.CurrentUtcDateTime;
            await context.Entities.SignalEntityAsync(agent, nameof(AgentEntity.Release), new AgentRelease(
                input.TaskId, true, answer.LatencyMs, new ModelUsage(answer.InputTokens, answer.OutputTokens, answer.CostUsd ?? 0)));
            return new TaskRunResult(input.TaskId, input.AgentId, answer, started, answeredAt);
        }
        catch (TaskFailedException)
        {
            var elapsed = (long)(context.CurrentUtcDateTime - started).TotalMilliseconds;
            await context.Entities.SignalEntityAsync(agent, nameof(AgentEntity.Release), new AgentRelease(input.TaskId, false, elapsed));
            throw;
        }
    }

    /// <summary>
    /// Claims a slot and returns the agent's profile, waiting on durable timers (which cost nothing while they wait)
    /// with a doubling back-off while the agent is full or not provisioned yet. Fails the task, visibly, once the wait
    /// limit has passed.
    /// </summary>
    static async Task<AgentProfile> ClaimSlotAsync(TaskOrchestrationContext context, TaskRunInput input)
    {
        context.SetCustomStatus(new TaskProgress(TaskProgress.WaitingForAgent, input.AgentId));
        var giveUpAt = context.CurrentUtcDateTime + input.SlotWaitLimit;
        var wait = FirstSlotWait;
        while (true)
        {
            var claim = await context.Entities.CallEntityAsync<AgentClaimResult>(
                AgentEntity.IdFor(input.AgentId), nameof(AgentEntity.Claim), new AgentClaim(input.TaskId));
            if (claim is { Granted: true, Profile: { } profile })
            {
                return profile;
            }

            if (context.CurrentUtcDateTime + wait > giveUpAt)
            {
                throw new AgentSlotUnavailableException(claim.Profile is null
                    ? $"Agent '{input.AgentId}' does not exist; the task was not run."
                    : $"Agent '{input.AgentId}' had no free slot within {input.SlotWaitLimit}; the task was not run.");
            }

            await context.CreateTimer(wait, CancellationToken.None);
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestSlotWait.Ticks));
        }
    }
}
