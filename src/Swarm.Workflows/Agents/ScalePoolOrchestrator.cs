using Microsoft.DurableTask;
using Swarm.Domain.Agents;
using Swarm.Domain.Autoscaling;
using Swarm.Domain.Distribution;
using Swarm.Workflows.Autoscaling;
using Swarm.Workflows.Distribution;

namespace Swarm.Workflows.Agents;

/// <summary>
/// Brings a pool to its target size: reads the members from the roster and their entities (their load from the
/// dispatch board), then provisions new agents (the roster still enforces maxAgents), made from the request's template
/// and, for what it leaves out, a copy of a member's profile, or retires the least loaded ones. A person's scaling is
/// recorded with the autoscaler (<see cref="AutoscalerEntity.RecordManual"/>) so its cooldown holds it. One scaling per pool runs at a time
/// (<see cref="PoolLockEntity"/>), so two requests cannot both add the same missing agents.
/// </summary>
public sealed class ScalePoolOrchestrator : TaskOrchestrator<PoolScaling, PoolScaleResult>
{
    public override async Task<PoolScaleResult> RunAsync(TaskOrchestrationContext context, PoolScaling input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var poolLock = PoolLockEntity.IdFor(input.Pool.Key);
        if (!await context.Entities.CallEntityAsync<bool>(poolLock, nameof(PoolLockEntity.Acquire), context.InstanceId))
        {
            return new PoolScaleResult(input.Pool.Key, 0, 0, [], [], Busy);
        }

        try
        {
            return await ScaleAsync(context, input);
        }
        finally
        {
            await context.Entities.SignalEntityAsync(poolLock, nameof(PoolLockEntity.Release), context.InstanceId);
        }
    }

    /// <summary>The <see cref="PoolScaleResult.Limit"/> of a scaling that did nothing because another one held the pool.</summary>
    public const string Busy = "another scaling of this pool is running";

    /// <summary>The <see cref="PoolScaleResult.Limit"/> of a scaling that created nobody because the pool has no member to copy and the request named no provider.</summary>
    public const string NoProvider = "the pool has no member to copy and no provider was named";

    static async Task<PoolScaleResult> ScaleAsync(TaskOrchestrationContext context, PoolScaling input)
    {
        var roster = await context.Entities.CallEntityAsync<AgentRoster>(AgentRosterEntity.Id, nameof(AgentRosterEntity.Get));
        var ledgers = await Task.WhenAll(roster.Members.Select(id => context.Entities.CallEntityAsync<AgentLedger?>(AgentEntity.IdFor(id), nameof(AgentEntity.Get))));
        var board = await DispatchShards.Of(input.DispatchShards).ReadAsync(context);
        var members = ledgers.OfType<AgentLedger>().Where(input.Pool.Contains).ToList();

        var target = input.TargetFor(members.Count);
        var source = PoolTemplate.SourceAmong(members.Select(m => m.Profile));
        var template = input.Template.ProfileFor(input.Pool, source);
        if (template is null && target > members.Count)
        {
            return new PoolScaleResult(input.Pool.Key, members.Count, members.Count, [], [], NoProvider);
        }

        if (input.RequestedBy is { } person)
        {
            // Recorded before any agent changes, so an autoscaling pass that sees the new size also sees the cooldown.
            await context.Entities.SignalEntityAsync(
                AutoscalerEntity.Id, nameof(AutoscalerEntity.RecordManual), ScalingDecision.Manual(input.Pool.Key, members.Count, target, input.Asked, person, context.CurrentUtcDateTime));
        }

        var created = new List<string>();
        string? limit = null;
        for (var i = members.Count; i < target; i++)
        {
            var id = $"{input.Pool.Type.ToString().ToLowerInvariant()}-{context.NewGuid():N}"[..20];
            var joined = await context.CallSubOrchestratorAsync<RosterJoin>(
                nameof(ProvisionAgentOrchestrator), new AgentProvisioning(template! with { Id = id }, input.MaxAgents, Notify: input.Notify, DispatchShards: input.DispatchShards));
            if (joined != RosterJoin.Joined)
            {
                limit = $"system.maxAgents ({input.MaxAgents}) reached";
                break;
            }

            created.Add(id);
        }

        var retired = AgentPool.ChooseToRetire(
            [.. members.Where(m => m.Profile.Id != input.Keep)], target - members.Count(m => m.Profile.Id == input.Keep), id => board.Agents.GetValueOrDefault(id)?.Load ?? 0);
        await Task.WhenAll(retired.Select(id => context.CallSubOrchestratorAsync<bool>(nameof(RetireAgentOrchestrator), new AgentRetirement(id, input.Notify, input.DispatchShards))));
        var copiedFrom = created.Count > 0 && input.Template.CopiesAMember ? source?.Id : null;
        return new PoolScaleResult(input.Pool.Key, members.Count, members.Count + created.Count - retired.Count, created, retired, limit, copiedFrom);
    }
}
