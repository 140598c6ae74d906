using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace Swarm.LocalHost.Durable;

/// <summary>Makes a fresh class-based orchestrator for each execution and wraps it for DurableTask.Core.</summary>
sealed class OrchestratorCreator : ObjectCreator<TaskOrchestration>
{
    readonly Type type;
    readonly DurableTaskShimFactory shims;

    public OrchestratorCreator(Type type, DurableTaskShimFactory shims)
    {
        this.type = type;
        this.shims = shims;
        Name = type.Name;
        Version = string.Empty;
    }

    // Orchestrators must be deterministic, so they take no services: a plain constructor call.
    public override TaskOrchestration Create() =>
        shims.CreateOrchestration(new TaskName(Name), (ITaskOrchestrator)Activator.CreateInstance(type)!, parent: null!);
}
