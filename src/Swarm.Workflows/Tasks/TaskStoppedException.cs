namespace Swarm.Workflows.Tasks;

/// <summary>A task ended without a result for a reason of its own: rejected, not approved in time, past its deadline, or every agent failed a step.</summary>
public sealed class TaskStoppedException : Exception
{
    public TaskStoppedException()
    {
    }

    public TaskStoppedException(string message)
        : base(message)
    {
    }

    public TaskStoppedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Short name of the reason, shown as the task's error type: <c>Rejected</c>, <c>ApprovalTimedOut</c>, <c>TimedOut</c>, <c>StepFailed</c>.</summary>
    public string Kind { get; init; } = "Stopped";
}
