namespace Swarm.Workflows.Tasks;

/// <summary>The orchestration's custom status: which step the task is on, which agent holds it, and why it failed if it did.</summary>
public sealed record TaskProgress(string Step, string? AgentId, TaskFailure? Failure = null)
{
    public const string WaitingForAgent = "waiting-for-agent";
    public const string Running = "running";
    public const string Failed = "failed";
}
