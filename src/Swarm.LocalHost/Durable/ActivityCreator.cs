using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace Swarm.LocalHost.Durable;

/// <summary>Makes a class-based activity with its services from the container and wraps it for DurableTask.Core.</summary>
sealed class ActivityCreator : ObjectCreator<TaskActivity>
{
    readonly Type type;
    readonly IServiceProvider services;
    readonly DurableTaskShimFactory shims;

    public ActivityCreator(Type type, IServiceProvider services, DurableTaskShimFactory shims)
    {
        this.type = type;
        this.services = services;
        this.shims = shims;
        Name = type.Name;
        Version = string.Empty;
    }

    public override TaskActivity Create() =>
        shims.CreateActivity(new TaskName(Name), (ITaskActivity)ActivatorUtilities.GetServiceOrCreateInstance(services, type));
}
