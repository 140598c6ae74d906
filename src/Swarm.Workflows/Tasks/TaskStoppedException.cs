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

    /// <summary>The kind of a task that passed its <c>timeoutSeconds</c>: the deadline, not an agent, ended it.</summary>
    public const string TimedOut = "TimedOut";

    /// <summary>Short name of the reason, shown as the task's error type: <c>Rejected</c>, <c>ApprovalTimedOut</c>, <c>TimedOut</c>, <c>StepFailed</c>.</summary>
    public string Kind { get; init; } = "Stopped";

    /// <summary>True when the task's deadline ended it, so no agent is to blame and no other agent should try.</summary>
    public bool IsDeadline => Kind == TimedOut;
}
