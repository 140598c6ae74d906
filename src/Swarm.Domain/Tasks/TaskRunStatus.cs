namespace Swarm.Domain.Tasks;

/// <summary>Where a task is in its life, as the API reports it.</summary>
public enum TaskRunStatus
{
    /// <summary>Accepted and durably recorded; waiting for an agent.</summary>
    Queued,

    /// <summary>Waiting for a person to approve or reject it; no agent works on it yet.</summary>
    AwaitingApproval,

    /// <summary>Being worked on.</summary>
    Running,

    /// <summary>Finished with a result.</summary>
    Completed,

    /// <summary>Finished without a result; the reason is recorded.</summary>
    Failed,

    /// <summary>Stopped on request.</summary>
    Canceled,
}
