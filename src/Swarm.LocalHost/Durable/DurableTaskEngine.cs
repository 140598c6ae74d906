using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Swarm.Application.Health;
using Swarm.Workflows;

namespace Swarm.LocalHost.Durable;

/// <summary>
/// Runs the swarm's workflows in this process: a DurableTask.Core worker on Azure Storage, with every type in
/// <see cref="WorkflowCatalog"/> wrapped by the Durable Task SDK's shims. Starts in the background and keeps
/// trying while storage is unreachable, so the HTTP server is up (and <c>/ready</c> says why not) meanwhile.
/// </summary>
sealed partial class DurableTaskEngine(
    AzureStorageOrchestrationService backend,
    Swarm.Application.Configuration.SwarmSettings settings,
    IServiceProvider services,
    ILoggerFactory loggers,
    ILogger<DurableTaskEngine> logger) : BackgroundService, IDurableWorkerStatus
{
    static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    TaskHubWorker? worker;

    public bool IsRunning => worker is not null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await backend.CreateIfNotExistsAsync();
                worker = await CreateWorker().StartAsync();
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

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (worker is { } running)
        {
            worker = null;

            // Forced: in-flight work items are abandoned, not finished; their messages reappear for the next worker.
            await running.StopAsync(isForced: true);
        }
    }

    TaskHubWorker CreateWorker()
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

    [LoggerMessage(EventId = 1561, Level = LogLevel.Information, Message = "Durable worker started on task hub {TaskHub} ({Partitions} partitions)")]
    static partial void LogStarted(ILogger logger, string taskHub, int partitions);

    [LoggerMessage(EventId = 1562, Level = LogLevel.Warning, Message = "Durable worker could not start; retrying in {Seconds} s")]
    static partial void LogStartFailed(ILogger logger, Exception exception, double seconds);
}
