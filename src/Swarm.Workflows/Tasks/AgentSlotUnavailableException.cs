namespace Swarm.Workflows.Tasks;

/// <summary>The task's agent had no free slot within the task's wait limit.</summary>
public sealed class AgentSlotUnavailableException : InvalidOperationException
{
    public AgentSlotUnavailableException()
    {
    }

    public AgentSlotUnavailableException(string message)
        : base(message)
    {
    }

    public AgentSlotUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
