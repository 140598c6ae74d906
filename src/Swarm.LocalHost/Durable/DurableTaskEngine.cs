using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Swarm.Runtime.Health;
using Swarm.Workflows;

namespace Swarm.LocalHost.Durable;

/// <summary>
/// Runs the swarm's workflows in this process: a DurableTask.Core worker on Azure Storage, with every type in
/// <see cref="WorkflowCatalog"/> wrapped by the Durable Task SDK's shims. Starts in the background and keeps
/// trying while storage is unreachable, so the HTTP server is up (and <c>/ready</c> says why not) meanwhile.
/// <see cref="DurableWorkerWatchdog"/> restarts it after a storage outage (see <see cref="RestartAsync"/>).
/// </summary>
sealed partial class DurableTaskEngine(
    Func<AzureStorageOrchestrationService> newBackend,
    Swarm.Runtime.Configuration.SwarmSettings settings,
    IServiceProvider services,
    ILoggerFactory loggers,
    ILogger<DurableTaskEngine> logger) : BackgroundService, IDurableWorkerStatus
{
    static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>A stop that has not finished by then is left behind: the new worker must not wait on a stuck one.</summary>
    static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(30);

    readonly SemaphoreSlim lifecycle = new(1, 1);
    TaskHubWorker? worker;
    volatile string? distrust;

    public bool IsRunning => worker is not null && distrust is null;

    public string WhyNotRunning => distrust ?? "not started";

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

    /// <summary>Reports the worker not ready (with <paramref name="reason"/>) until the next <see cref="RestartAsync"/>.</summary>
    public void Distrust(string reason) => distrust = reason;

    /// <summary>
    /// Stops the worker (forced: its in-flight work items are abandoned, their messages come back after the visibility
    /// timeout) and starts a new one on a new backend. After storage lost or reverted state, the old worker's caches,
    /// partition ownership and dispatcher back-off no longer match storage and it may not take new work for many
    /// minutes; a new worker reads everything afresh, recreates lost queues, tables and partitions, and carries on, as a
    /// restarted process would. Does nothing if the worker has not started yet: its start loop is still trying.
    /// </summary>
    public async Task RestartAsync(string reason, CancellationToken cancellationToken)
    {
        await lifecycle.WaitAsync(cancellationToken);
        try
        {
            if (worker is not { } running)
            {
                // Its first start is still trying and will make a fresh worker; what it reports is "not started" again.
                distrust = null;
                return;
            }

            LogRestarting(logger, reason);
            distrust = reason;
            worker = null;
            await StopAsync(running);
            await StartWorkerAsync(cancellationToken);
            distrust = null;
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
            await StopAsync(running);
        }
    }

    async Task StartWorkerAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var backend = newBackend();
                await backend.CreateIfNotExistsAsync();
                worker = await CreateWorker(backend).StartAsync();
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

    async Task StopAsync(TaskHubWorker running)
    {
        // Forced: in-flight work items are abandoned, not finished; their messages reappear for the next worker.
        var stopping = running.StopAsync(isForced: true);
        if (await Task.WhenAny(stopping, Task.Delay(StopPatience)) != stopping)
        {
            LogStopTimedOut(logger, StopPatience.TotalSeconds);
        }
    }

    TaskHubWorker CreateWorker(AzureStorageOrchestrationService backend)
    {
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { EnableEntitySupport = true }, loggers);
        var hub = new TaskHubWorker(backend, loggers)
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

    [LoggerMessage(EventId = 1563, Level = LogLevel.Warning, Message = "Restarting the durable worker: {Reason}")]
    static partial void LogRestarting(ILogger logger, string reason);

    [LoggerMessage(EventId = 1564, Level = LogLevel.Warning, Message = "The durable worker did not stop within {Seconds} s; starting a new one without waiting for it")]
    static partial void LogStopTimedOut(ILogger logger, double seconds);
}
