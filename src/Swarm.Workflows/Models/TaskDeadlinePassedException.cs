namespace Swarm.Workflows.Models;

/// <summary>
/// A model call was stopped because the task it works for reached its deadline (<c>timeoutSeconds</c>). Not the
/// agent's fault and not worth a retry: the task is over. Durable retries skip it.
/// </summary>
public sealed class TaskDeadlinePassedException : Exception
{
    public TaskDeadlinePassedException()
    {
    }

    public TaskDeadlinePassedException(string message)
        : base(message)
    {
    }

    public TaskDeadlinePassedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
