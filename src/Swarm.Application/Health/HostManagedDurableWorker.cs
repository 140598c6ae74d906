namespace Swarm.Application.Health;

/// <summary>In Azure Functions the host starts the durable worker before any function runs, so it is running whenever we are.</summary>
public sealed class HostManagedDurableWorker : IDurableWorkerStatus
{
    public bool IsRunning => true;
}
