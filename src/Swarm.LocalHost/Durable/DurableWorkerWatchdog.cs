using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Swarm.Domain.Distribution;
using Swarm.Application.Configuration;
using Swarm.Application.Schedules;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Distribution;

namespace Swarm.LocalHost.Durable;

/// <summary>
/// Takes the durable worker in this process through a storage outage. A storage that comes back may have lost or
/// reverted state (the emulator keeps only what it saved to disk, every 5 s): queues, partition rows, history and
/// messages the worker had seen. DurableTask's worker does not recover from that by itself: work items that keep failing
/// hold its orchestration dispatcher in a 10 s back-off that needs five successes in a row to end, so new work waited
/// there for many minutes (issue 12, item 8). So from the first probe storage refuses, or the third in a row it leaves
/// unanswered (<see cref="StorageOutageWatch"/>), the worker is stopped (and <c>/ready</c> says why); once storage
/// answers, a new worker starts on a new backend. The storage may also have
/// lost what the swarm set up at start: tasks it lost may still hold seats on the dispatch board (its state was saved,
/// their orchestrations were not), which nothing would release before the next self-healing pass, so the watchdog frees
/// them at once (<see cref="SeatSweep"/>, which leaves a seat of a task that ended within its grace to a later pass);
/// and it provisions the default agent again, which would otherwise come back only with the next hourly run of
/// <see cref="DefaultAgentJob"/>.
/// </summary>
sealed partial class DurableWorkerWatchdog(
    TableServiceClient tables,
    DurableTaskEngine engine,
    DurableTaskClient durable,
    SwarmSettings settings,
    TimeProvider time,
    ILogger<DurableWorkerWatchdog> logger) : BackgroundService
{
    /// <summary>Often enough that a killed emulator is seen down before it has started again (node takes over a second).</summary>
    static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    const string OutageNote = "storage does not answer; the durable worker is stopped until it does";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var watch = new StorageOutageWatch();
        using var ticks = new PeriodicTimer(ProbeInterval);
        while (await ticks.WaitForNextTickAsync(stoppingToken))
        {
            var (probe, failure) = await ProbeAsync(stoppingToken);
            switch (watch.Observe(probe))
            {
                case StorageChange.OutageBegan:
                    LogOutage(logger, probe == StorageProbe.Silent ? $"no answer to {StorageOutageWatch.SilentProbesForOutage} probes in a row, each given {ProbeTimeout.TotalSeconds:0} s" : failure!);
                    await engine.PauseAsync(OutageNote, stoppingToken);
                    break;
                case StorageChange.OutageEnded:
                    await engine.ResumeAsync(stoppingToken);
                    await FreeSeatsOfLostTasksAsync(stoppingToken);
                    await ProvisionDefaultAgentAsync(stoppingToken);
                    break;
            }
        }
    }

    async Task FreeSeatsOfLostTasksAsync(CancellationToken stoppingToken)
    {
        try
        {
            var dispatcher = new DispatcherClient(durable, settings.Dispatch.Shards);
            var boards = await dispatcher.GetShardBoardsAsync(stoppingToken);
            LogSeatsFreed(logger, await SeatSweep.FreeOrphansAsync(durable, dispatcher, boards, time.GetUtcNow(), TimeSpan.FromSeconds(settings.SelfHealing.GraceSeconds), stoppingToken));
        }
#pragma warning disable CA1031 // The self-healing pass frees them later; this is only the early chance.
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogSeatSweepFailed(logger, e);
        }
    }

    /// <summary>
    /// Provisions the default agent as <see cref="DefaultAgentJob"/> does, but under an instance id of its own: the
    /// job's fixed one may be a provisioning the storage brought back half done, whose next message it lost, and the job
    /// waits for such a one to finish. The roster keeps the agent single however many provisionings run.
    /// </summary>
    async Task ProvisionDefaultAgentAsync(CancellationToken stoppingToken)
    {
        var provisioning = new AgentProvisioning(settings.DefaultAgent.ToProfile(), settings.System.MaxAgents, UpdateExisting: true, Notify: settings.Realtime.Active, DispatchShards: settings.Dispatch.Shards);
        var instanceId = $"provision-agent-{settings.DefaultAgent.Id}-after-outage-{Guid.NewGuid():N}";
        try
        {
            await new AgentClient(durable).ProvisionAsync(provisioning, instanceId, stoppingToken);
        }
#pragma warning disable CA1031 // Its hourly run provisions it later; this is only the early chance.
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogDefaultAgentFailed(logger, e);
        }
    }

    /// <summary>One probe: how storage met it, and for a refusal, what it said.</summary>
    async Task<(StorageProbe Probe, string? Failure)> ProbeAsync(CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).AsPages(pageSizeHint: 1))
            {
                break;
            }

            return (StorageProbe.Answered, null);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Our timeout, or the client's own per-try network timeout: either way, no answer yet.
            return (StorageProbe.Silent, null);
        }
#pragma warning disable CA1031 // Any other failure is a refusal; its message goes into the outage warning.
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return (StorageProbe.Refused, $"{e.GetType().Name}: {e.Message}");
        }
    }

    [LoggerMessage(EventId = 1571, Level = LogLevel.Warning, Message = "Storage does not answer ({Reason}); the durable worker stops until it does")]
    static partial void LogOutage(ILogger logger, string reason);

    [LoggerMessage(EventId = 1572, Level = LogLevel.Warning, Message = "After the storage outage, freed {Count} seats and places of tasks that are not running")]
    static partial void LogSeatsFreed(ILogger logger, int count);

    [LoggerMessage(EventId = 1573, Level = LogLevel.Warning, Message = "Could not free the seats of lost tasks after the storage outage; the self-healing pass will")]
    static partial void LogSeatSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1574, Level = LogLevel.Warning, Message = "Could not provision the default agent again after the storage outage; its hourly run will")]
    static partial void LogDefaultAgentFailed(ILogger logger, Exception exception);
}
