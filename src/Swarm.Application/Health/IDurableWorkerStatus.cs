namespace Swarm.Application.Health;

/// <summary>Whether this process's durable worker is dispatching work. The local host reports its own worker; in Azure the Functions host owns the worker.</summary>
public interface IDurableWorkerStatus
{
    bool IsRunning { get; }
}
