namespace Swarm.Workflows.Tasks;

/// <summary>The orchestration's custom status while it runs: which step the task is on and which agent holds it.</summary>
public sealed record TaskProgress(string Step, string? AgentId)
{
    public const string WaitingForAgent = "waiting-for-agent";
    public const string Running = "running";
}
