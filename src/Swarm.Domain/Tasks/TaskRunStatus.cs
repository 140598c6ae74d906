namespace Swarm.Domain.Tasks;

/// <summary>Where a task is in its life, as the API reports it.</summary>
public enum TaskRunStatus
{
    /// <summary>Accepted and durably recorded; not yet picked up.</summary>
    Queued,

    /// <summary>Being worked on.</summary>
    Running,

    /// <summary>Finished with a result.</summary>
    Completed,

    /// <summary>Finished without a result; the reason is recorded.</summary>
    Failed,

    /// <summary>Stopped on request.</summary>
    Canceled,
}
