using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Swarm.Application.Configuration;
using Swarm.Application.Realtime;
using Swarm.Application.Tasks;
using Swarm.Domain.Distribution;
using Swarm.Domain.Tasks;
using Swarm.Domain.Time;
using Swarm.Workflows.Distribution;
using Swarm.Workflows.Realtime;
using Swarm.Workflows.Tasks;

namespace Swarm.Application.Schedules;

/// <summary>
/// The self-healing pass. It reinstates unhealthy agents whose probation is over (<see cref="AgentProbation"/>), frees
/// seats held for tasks that are no longer running (<see cref="SeatSweep"/>), records in the task index the end of
/// tasks whose own write never came (<see cref="TaskIndexCatchUp"/>), and: a
/// task whose agent turn has made no durable progress for
/// <c>selfHealing:stalledTaskSeconds</c> (a hung model call, a lost worker) is terminated with the reason, so it
/// ends visibly, and its agent slot is freed, instead of holding both forever. Termination is the only way to end
/// it: an orchestration cannot complete while the model call it started is still outstanding.
/// </summary>
public sealed partial class StalledTaskReaper(SwarmSettings settings, TimeProvider time, StoppedTaskNotices notices, TaskIndexCatchUp taskIndex, OperatorNotices operators, ILogger<StalledTaskReaper> logger) : IPeriodicJob
{
    /// <summary>The prefix of the reason a reaped task carries; the API's <c>TaskView</c> shows it as the error.</summary>
    public const string ReasonPrefix = "Stalled:";

    /// <summary>When this process started; a pass only judges stalls it could have watched, so a restart after an outage reaps nothing.</summary>
    readonly DateTimeOffset startedAt = time.GetUtcNow();

    public string Name => "SelfHealing";

    public string ScheduleSetting => PeriodicSchedules.SelfHealingSetting;

    public async Task RunAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var limit = TimeSpan.FromSeconds(settings.SelfHealing.StalledTaskSeconds);
        var now = time.GetUtcNow();
        var dispatcher = new DispatcherClient(durable, settings.Dispatch.Shards);
        var shardBoards = await dispatcher.GetShardBoardsAsync(cancellationToken);
        var reinstated = await AgentProbation.ReinstateDueAsync(dispatcher, ShardedBoard.Merge(shardBoards), TimeSpan.FromSeconds(settings.SelfHealing.UnhealthyProbationSeconds), now, cancellationToken);
        foreach (var agentId in reinstated)
        {
            LogReinstated(logger, agentId);
        }

        await operators.SendAsync(reinstated.Select(agentId => RealtimeEvents.AgentHealth(agentId, healthy: true, "probation over: offered work again", now)));

        if (await SeatSweep.FreeOrphansAsync(durable, dispatcher, shardBoards, now, TimeSpan.FromSeconds(settings.SelfHealing.GraceSeconds), cancellationToken) is > 0 and var freed)
        {
            LogOrphansFreed(logger, freed);
        }

        await taskIndex.CatchUpAsync(durable, cancellationToken);
        if (now - startedAt < limit)
        {
            return;
        }

        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = TaskId.Prefix,
            Statuses = [OrchestrationRuntimeStatus.Running],
            FetchInputsAndOutputs = true,
            PageSize = 100,
        };
        await foreach (var task in durable.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            var progress = task.ReadCustomStatusAs<TaskProgress>();
            // Only a task holding an agent can stall; one waiting in line or for a person waits by design.
            if (!TaskRunClient.IsTask(task) || progress is not { Seats.Count: > 0 } || now - task.LastUpdatedAt < limit)
            {
                continue;
            }

            var reason = $"{ReasonPrefix} the agent made no progress for {ReadableDuration.Of(limit)} (since {task.LastUpdatedAt:u}); ended by self-healing.";
            await TaskStopper.StopAsync(durable, task, reason, agentsFailed: true, settings.Dispatch.Shards, cancellationToken);
            await taskIndex.StoppedAsync(task, "Stalled", cancellationToken);
            await notices.SendAsync(task, "Stalled", reason);
            LogReaped(logger, task.InstanceId, task.LastUpdatedAt);
        }
    }

    [LoggerMessage(EventId = 1521, Level = LogLevel.Warning, Message = "Self-healing: freed {Count} seats or places in line held for tasks that are no longer running")]
    static partial void LogOrphansFreed(ILogger logger, int count);

    [LoggerMessage(EventId = 1522, Level = LogLevel.Information, Message = "Self-healing: agent {AgentId} was unhealthy; its probation is over and it takes work again")]
    static partial void LogReinstated(ILogger logger, string agentId);

    [LoggerMessage(EventId = 1523, Level = LogLevel.Warning, Message = "Self-healing: task {TaskId} stalled since {LastUpdatedAt:u}; terminated and its agent slot released")]
    static partial void LogReaped(ILogger logger, string taskId, DateTimeOffset lastUpdatedAt);
}
