using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Settings;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Swarm.Application.Health;
using Swarm.Workflows;

namespace Swarm.LocalHost.Durable;

/// <summary>
/// Runs the swarm's workflows in this process: a DurableTask.Core worker on Azure Storage, with every type in
/// <see cref="WorkflowCatalog"/> wrapped by the Durable Task SDK's shims. Starts in the background and keeps
/// trying while storage is unreachable, so the HTTP server is up (and <c>/ready</c> says why not) meanwhile.
/// <see cref="DurableWorkerWatchdog"/> stops it while storage does not answer (<see cref="PauseAsync"/>) and starts a
/// new one once storage answers again (<see cref="ResumeAsync"/>).
/// </summary>
sealed partial class DurableTaskEngine(
    Func<int, StorageFence, AzureStorageOrchestrationService> newBackend,
    Swarm.Application.Configuration.SwarmSettings settings,
    IServiceProvider services,
    ILoggerFactory loggers,
    ILogger<DurableTaskEngine> logger) : BackgroundService, IDurableWorkerStatus
{
    static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>How long the host's shutdown waits for the worker's stop.</summary>
    static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(30);

    const string Restarting = "storage answers again; the durable worker is restarting";

    readonly SemaphoreSlim lifecycle = new(1, 1);
    TaskHubWorker? worker;
    StorageFence? fence;
    int restarts;
    volatile bool started;
    volatile string? paused;

    public bool IsRunning => worker is not null;

    public string WhyNotRunning => paused ?? "not started";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await lifecycle.WaitAsync(stoppingToken);
        try
        {
            await StartWorkerAsync(stoppingToken);
        }
        finally
        {
            lifecycle.Release();
        }
    }

    /// <summary>
    /// Stops the worker while storage does not answer, and reports why (<paramref name="reason"/>) until
    /// <see cref="ResumeAsync"/>. It must not be running when storage comes back: a storage that comes back may have
    /// lost or reverted state, and the old worker would take messages from it into its memory (the Azure Storage
    /// provider reads control queues ahead of its dispatchers) and then lose them at its restart, leaving them invisible
    /// for <c>durable:messageVisibilityTimeoutSeconds</c> (60 by default): new tasks waited that long. The stop is
    /// forced: work in flight is abandoned, not finished; its messages come back after the visibility timeout. Does
    /// nothing before the first start: that start keeps trying and makes a fresh worker once storage answers.
    /// </summary>
    public async Task PauseAsync(string reason, CancellationToken cancellationToken)
    {
        if (!started)
        {
            return;
        }

        await lifecycle.WaitAsync(cancellationToken);
        try
        {
            if (worker is not { } running)
            {
                return;
            }

            LogPausing(logger, reason);
            paused = reason;
            worker = null;

            // Cut off at once, as a crashed process would be: work in flight cannot finish against the storage that
            // comes back. Only giving up its partitions remains, and that is not awaited: it needs storage, and retries
            // until storage answers (or, if storage lost the partition table, until the new worker has made one). The
            // new worker has a name of its own (see AzureStorageBackend.Create) and takes each partition as the old
            // one lets go of it.
            fence?.Close();
            _ = LetGoAsync(running);
        }
        finally
        {
            lifecycle.Release();
        }
    }

    /// <summary>
    /// Starts a new worker on a new backend after <see cref="PauseAsync"/>. After storage lost or reverted state, the old
    /// worker's caches, partition ownership and dispatcher back-off no longer match storage and it may not take new work
    /// for many minutes; a new worker reads everything afresh, recreates lost queues, tables and partitions, and carries
    /// on, as a restarted process would. Does nothing if the worker was not paused.
    /// </summary>
    public async Task ResumeAsync(CancellationToken cancellationToken)
    {
        await lifecycle.WaitAsync(cancellationToken);
        try
        {
            if (paused is null)
            {
                return;
            }

            paused = Restarting;
            LogRestarting(logger);
            restarts++;
            await StartWorkerAsync(cancellationToken);
            paused = null;
        }
        finally
        {
            lifecycle.Release();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (worker is { } running)
        {
            worker = null;

            // Forced: in-flight work items are abandoned, not finished; their messages reappear for the next worker.
            var stopping = running.StopAsync(isForced: true);
            if (await Task.WhenAny(stopping, Task.Delay(StopPatience, CancellationToken.None)) != stopping)
            {
                LogStopTimedOut(logger, StopPatience.TotalSeconds);
            }
        }
    }

    async Task StartWorkerAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var ownFence = new StorageFence(AzureStorageBackend.PartitionTable(settings));
                var backend = newBackend(restarts, ownFence);
                await backend.CreateIfNotExistsAsync();
                worker = await CreateWorker(backend).StartAsync();
                fence = ownFence;
                started = true;
                LogStarted(logger, settings.Durable.TaskHub, settings.Durable.PartitionCount);
                return;
            }
#pragma warning disable CA1031 // Any start failure is retried; the cause is logged and /ready reports not ready.
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                LogStartFailed(logger, e, RetryDelay.TotalSeconds);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    /// <summary>The rest of a paused worker's stop, in the background; a failure is logged, the new worker runs regardless.</summary>
    async Task LetGoAsync(TaskHubWorker old)
    {
        try
        {
            await old.StopAsync(isForced: true);
        }
#pragma warning disable CA1031 // Nothing waits for this stop; its failure only needs to be seen in the log.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogStopFailed(logger, e);
        }
    }

    TaskHubWorker CreateWorker(AzureStorageOrchestrationService backend)
    {
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { EnableEntitySupport = true }, loggers);
        var versioning = new VersioningSettings
        {
            Version = settings.Durable.WorkflowVersion ?? WorkflowVersion.Current,
            MatchStrategy = VersioningSettings.VersionMatchStrategy.CurrentOrOlder,
            FailureStrategy = VersioningSettings.VersionFailureStrategy.Reject,
        };
        // With extended sessions on, entities still run without one: see EntitySessionsOff.
        IOrchestrationService service = settings.Durable.ExtendedSessions == true ? new EntitySessionsOff(backend) : backend;
        var hub = new TaskHubWorker(
            service,
            new NameOnlyObjectManager<TaskOrchestration>(),
            new NameOnlyObjectManager<TaskActivity>(),
            new NameOnlyObjectManager<DurableTask.Core.Entities.TaskEntity>(),
            versioning,
            loggers)
        {
            // The SDK's shims report failures as FailureDetails (as Durable Functions does); the default mode would try
            // to serialize exception objects, which fails for ours and leaves the orchestration retrying forever.
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
        hub.AddTaskOrchestrations([.. WorkflowCatalog.Orchestrators.Select(t => new OrchestratorCreator(t, shims))]);
        hub.AddTaskActivities([.. WorkflowCatalog.Activities.Select(t => new ActivityCreator(t, services, shims))]);
        hub.AddTaskEntities([.. WorkflowCatalog.Entities.Select(e => new EntityCreator(e.Key, e.Value, services, shims))]);
        return hub;
    }

    public override void Dispose()
    {
        lifecycle.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = 1561, Level = LogLevel.Information, Message = "Durable worker started on task hub {TaskHub} ({Partitions} partitions)")]
    static partial void LogStarted(ILogger logger, string taskHub, int partitions);

    [LoggerMessage(EventId = 1562, Level = LogLevel.Warning, Message = "Durable worker could not start; retrying in {Seconds} s")]
    static partial void LogStartFailed(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(EventId = 1563, Level = LogLevel.Warning, Message = "Stopping the durable worker until storage answers again: {Reason}")]
    static partial void LogPausing(ILogger logger, string reason);

    [LoggerMessage(EventId = 1564, Level = LogLevel.Warning, Message = "The durable worker did not stop within {Seconds} s; the host stops without waiting for it")]
    static partial void LogStopTimedOut(ILogger logger, double seconds);

    [LoggerMessage(EventId = 1565, Level = LogLevel.Warning, Message = "Restarting the durable worker: storage answers again after an outage")]
    static partial void LogRestarting(ILogger logger);

    [LoggerMessage(EventId = 1566, Level = LogLevel.Warning, Message = "The durable worker stopped for a storage outage did not stop cleanly; the new worker runs regardless")]
    static partial void LogStopFailed(ILogger logger, Exception exception);
}
