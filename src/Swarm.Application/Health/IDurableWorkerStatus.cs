namespace Swarm.Application.Health;

/// <summary>Whether this process's durable worker is dispatching work. The local host reports its own worker; in Azure the Functions host owns the worker.</summary>
public interface IDurableWorkerStatus
{
    bool IsRunning { get; }

    /// <summary>What <c>/ready</c> shows while <see cref="IsRunning"/> is false: why the worker takes no work now.</summary>
    string WhyNotRunning => "not started";
}
