using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Swarm.Application.Configuration;
using Swarm.Application.Realtime;
using Swarm.Domain.Agents;
using Swarm.Domain.Autoscaling;
using Swarm.Domain.Distribution;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Autoscaling;
using Swarm.Workflows.Distribution;
using Swarm.Workflows.Realtime;

namespace Swarm.Application.Schedules;

/// <summary>
/// The autoscaling pass (the spec's <c>system.autoScaling</c> and per-agent <c>autoScale</c>): for every pool with an
/// autoscaling agent, it compares the steps waiting in the dispatcher's line that the pool could serve, and how busy
/// the pool is, with the pool's limits (<see cref="AutoscalePlanner"/>), then resizes the pool through
/// <see cref="ScalePoolOrchestrator"/> (which holds <c>system.maxAgents</c> and one scaling per pool). Every decision,
/// holds included, is logged and kept in <see cref="AutoscalerEntity"/>, which also carries each pool's cooldown; each
/// change goes to the operators (<c>scaling_decision</c>).
/// </summary>
public sealed partial class AutoscalingJob(SwarmSettings settings, TimeProvider time, OperatorNotices operators, ILogger<AutoscalingJob> logger) : IPeriodicJob
{
    public string Name => "Autoscaling";

    public string ScheduleSetting => PeriodicSchedules.AutoscalingSetting;

    public async Task RunAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        if (!settings.System.AutoScaling)
        {
            return;
        }

        var now = time.GetUtcNow();
        // The board holds every agent that takes work (profile and load); one read instead of one per agent entity.
        // An agent that drains or retires is leaving it, so what stays is the active agents.
        var board = await new DispatcherClient(durable, settings.Dispatch.Shards).GetBoardAsync(cancellationToken);
        var active = board.Agents.Values.Where(a => !a.Leaving).ToList();
        var autoscaler = new AutoscalerClient(durable);
        var log = await autoscaler.GetLogAsync(cancellationToken);

        var decisions = new List<ScalingDecision>();
        foreach (var pool in active.Where(a => a.Profile.AutoScale).Select(a => new AgentPool(a.Profile.Type, a.Profile.EffectiveRole.Expertise)).DistinctBy(p => p.Key))
        {
            var members = active.Where(a => pool.Fits(a.Profile)).ToList();
            var template = members.First(m => m.Profile.AutoScale).Profile;
            var load = new PoolLoad(
                pool.Key,
                members.Count,
                members.Count(m => m.Load == 0),
                members.Sum(m => m.Load),
                members.Sum(m => m.Profile.MaxConcurrency),
                template.MaxConcurrency,
                board.Waiting.Count(w => CouldServe(pool, w)));
            var decision = AutoscalePlanner.Decide(load, settings.Autoscaling.LimitsFor(pool.Key), now, log.LastChange.GetValueOrDefault(pool.Key) is var last && last != default ? last : null);
            decisions.Add(decision);
            LogDecision(logger, decision.Pool, decision.Action, decision.From, decision.To, decision.Reason);
            if (decision.Action != ScalingAction.Hold)
            {
                var scaling = new PoolScaling(pool, decision.To, null, PoolTemplate.Of(template), settings.System.MaxAgents, Keep: settings.DefaultAgent.Id, Notify: settings.Realtime.Active, DispatchShards: settings.Dispatch.Shards);
                try
                {
                    await new AgentClient(durable).ScaleAsync(scaling, $"autoscale-{pool.Key}-{now:yyyyMMddHHmmssfff}", cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The other pools' decisions, and this pool's cooldown, are still recorded below.
                    LogNotStarted(logger, pool.Key, e.Message);
                }
            }
        }

        await autoscaler.RecordAsync(new ScalingPass(now, decisions), cancellationToken);

        // Only changes: a hold every pass for every pool would bury them (holds are logged, and kept with the autoscaler).
        await operators.SendAsync(decisions.Where(d => d.Action != ScalingAction.Hold).Select(d =>
            RealtimeEvents.Scaling(d.Pool, d.Action, d.From, d.To, d.Reason, d.At)));
    }

    /// <summary>
    /// Whether a waiting step is this pool's to serve: the right type (if one is required) and every capability. A step
    /// that names no capability counts only for pools without expertise, or every pool would grow for the same step.
    /// </summary>
    static bool CouldServe(AgentPool pool, SeatRequest waiting) =>
        (waiting.RequiredType is null || waiting.RequiredType == pool.Type)
        && (waiting.Capabilities.Count > 0 || pool.Expertise.Count == 0 || waiting.RequiredType == pool.Type)
        && waiting.Capabilities.All(c => pool.Expertise.Contains(c, StringComparer.OrdinalIgnoreCase));

    [LoggerMessage(EventId = 1511, Level = LogLevel.Warning, Message = "Autoscaling {Pool}: the scaling could not be started: {Reason}")]
    static partial void LogNotStarted(ILogger logger, string pool, string reason);

    [LoggerMessage(EventId = 1512, Level = LogLevel.Information, Message = "Autoscaling {Pool}: {Action} {From} -> {To} ({Reason})")]
    static partial void LogDecision(ILogger logger, string pool, ScalingAction action, int from, int to, string reason);
}
