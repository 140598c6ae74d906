namespace Swarm.Workflows.Tasks;

/// <summary>A person's decision on a task that required approval: the event the task waits for.</summary>
public sealed record ApprovalDecision(bool Approved, string By, string? Comment)
{
    public const string EventName = "approval";
}
