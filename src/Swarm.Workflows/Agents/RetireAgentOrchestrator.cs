using Microsoft.DurableTask;
using Swarm.Domain.Agents;
using Swarm.Domain.Distribution;
using Swarm.Workflows.Distribution;
using Swarm.Workflows.Realtime;

namespace Swarm.Workflows.Agents;

/// <summary>
/// Retires an agent: take it off the dispatch board, mark it draining, wait for the board to say it gave back its last
/// seat (an event, not polling), revoke its API keys, retire it with the record the board handed over, and give its
/// place on the roster back, and forget its presence. The listing is updated at each step; the operators hear of it at the end.
/// </summary>
public sealed class RetireAgentOrchestrator : TaskOrchestrator<AgentRetirement, bool>
{
    public override async Task<bool> RunAsync(TaskOrchestrationContext context, AgentRetirement retirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(retirement);
        var input = retirement.AgentId;
        var agent = AgentEntity.IdFor(input);
        var log = context.CreateReplaySafeLogger(Logs.AgentCategory);

        // The dispatcher stops offering the agent first: from here on it is given no new seat.
        var withdrawal = await context.Entities.CallEntityAsync<Withdrawal>(DispatchShards.Of(retirement.DispatchShards).ForAgent(input), nameof(DispatcherEntity.Withdraw), new AgentWithdrawal(input, context.InstanceId));
        var draining = await context.Entities.CallEntityAsync<AgentLedger?>(agent, nameof(AgentEntity.Drain));
        if (draining is null)
        {
            return false;
        }

        await context.CallActivityAsync<bool>(nameof(RecordAgentActivity), AgentSnapshot.From(draining, context.CurrentUtcDateTime), RecordAgentActivity.Retry);
        log.AgentDraining(input);

        // Its keys are revoked once it holds no seat, and only after that is it marked retired: an external agent needs
        // its key until its last result is in, and once "retired" shows, the key must already be dead.
        var work = withdrawal.Left
            ? withdrawal.Work
            : await context.WaitForExternalEvent<AgentWork>(AgentLeftNoticeOrchestrator.EventName(input));
        await context.CallActivityAsync<int>(nameof(RevokeAgentKeysActivity), input, RecordAgentActivity.Retry);
        await context.Entities.CallEntityAsync<bool>(agent, nameof(AgentEntity.Retire), work);
        await context.Entities.CallEntityAsync(AgentRosterEntity.Id, nameof(AgentRosterEntity.Leave), input);
        var retired = await context.Entities.CallEntityAsync<AgentLedger?>(agent, nameof(AgentEntity.Get));

        // The notice goes beside the listing's last write (the entity already says retired), so it adds no wait.
        var recorded = context.CallActivityAsync<bool>(nameof(RecordAgentActivity), AgentSnapshot.From(retired!, context.CurrentUtcDateTime), RecordAgentActivity.Retry);
        var announced = retirement.Notify
            ? RealtimeNotices.SendAsync(context, RealtimeEvents.AgentLeft(input, work?.Completed ?? 0, work?.Failed ?? 0, context.CurrentUtcDateTime))
            : Task.CompletedTask;
        await Task.WhenAll(recorded, announced);

        // Its connections were closed with its keys; its presence goes with it, so an agent created later under the same
        // id starts with none. Last, so that retirements already under way replay their history unchanged.
        await context.Entities.SignalEntityAsync(AgentPresenceEntity.IdFor(input), nameof(AgentPresenceEntity.Forget));
        log.AgentRetired(input, work?.Completed ?? 0, work?.Failed ?? 0);
        return true;
    }
}
