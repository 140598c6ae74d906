using Microsoft.DurableTask;
using Swarm.Domain.Agents;
using Swarm.Workflows.Realtime;

namespace Swarm.Workflows.Agents;

/// <summary>
/// Creates an agent: a place on the roster first (which enforces maxAgents and unique ids), then its entity, then
/// its row in the listing, then its seats on the dispatch board.
/// Both steps are idempotent, so a replay or a second run for the same agent creates nothing twice.
/// </summary>
public sealed class ProvisionAgentOrchestrator : TaskOrchestrator<AgentProvisioning, RosterJoin>
{
    public override async Task<RosterJoin> RunAsync(TaskOrchestrationContext context, AgentProvisioning input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var joined = await context.Entities.CallEntityAsync<RosterJoin>(
            AgentRosterEntity.Id, nameof(AgentRosterEntity.Join), new RosterJoinRequest(input.Profile.Id, input.MaxAgents));
        if (joined == RosterJoin.Joined || (joined == RosterJoin.AlreadyMember && input.UpdateExisting))
        {
            var ledger = await context.Entities.CallEntityAsync<AgentLedger>(AgentEntity.IdFor(input.Profile.Id), nameof(AgentEntity.Provision), input.Profile);
            // A new agent's notice goes beside its listing's write (its entity, which GET reads, exists already), so
            // creating it takes no longer for the notice; the default agent brought up to date at each start is no news.
            var recorded = context.CallActivityAsync<bool>(nameof(RecordAgentActivity), AgentSnapshot.From(ledger, context.CurrentUtcDateTime), RecordAgentActivity.Retry);
            var announced = input.Notify && joined == RosterJoin.Joined
                ? RealtimeNotices.SendAsync(context, RealtimeEvents.AgentJoined(ledger.Profile, context.CurrentUtcDateTime))
                : Task.CompletedTask;
            await Task.WhenAll(recorded, announced);
            await context.Entities.SignalEntityAsync(
                Distribution.DispatchShards.Of(input.DispatchShards).ForAgent(ledger.Profile.Id), nameof(Distribution.DispatcherEntity.Register), new Distribution.AgentRegistration(ledger.Profile, ledger.Lifecycle == AgentLifecycle.Active));
            context.CreateReplaySafeLogger(Logs.AgentCategory).AgentProvisioned(ledger.Profile.Id, ledger.Profile.Type, ledger.Profile.Provider.Type, ledger.Profile.Provider.Model);
        }

        return joined;
    }
}
