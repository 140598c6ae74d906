using Microsoft.DurableTask;

namespace Swarm.Functions.Durable;

/// <summary>The activity context a class-based activity expects, built from what the activity trigger binds.</summary>
sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;
}
