namespace Swarm.Workflows;

/// <summary>
/// The version of the swarm's workflows, stamped on every orchestration when it starts (Durable Task's orchestration
/// versioning, as Durable Functions offers it), so that a deployment need not drain in-flight tasks first. The rule:
/// <list type="bullet">
/// <item>A worker runs orchestrations of its own version and older ones (<c>CurrentOrOlder</c>): a new deployment takes
/// over the tasks an old one started.</item>
/// <item>A worker leaves newer orchestrations alone (<c>Reject</c>): their messages go back to the queue, unchanged,
/// for a worker of that version, so an old instance still running during a rolling upgrade never replays code it
/// does not have.</item>
/// <item>Raise <see cref="Current"/> whenever an orchestrator's decisions change (what it schedules, in which order), and
/// keep the old path behind <c>context.Version</c> for as long as instances of the old version may be running.
/// Activities and entities are not versioned: change their contracts compatibly.</item>
/// </list>
/// </summary>
public static class WorkflowVersion
{
    /// <summary>The version new orchestrations get, and the highest a worker of this build runs.</summary>
    /// <remarks>
    /// 1.1: a task's first index write waits for its first seat and goes with the model call
    /// (<see cref="Tasks.TaskRunInput.FirstWriteAtSeat"/>); a 1.0 worker would ignore that field and schedule the
    /// activities it knows, which a 1.1 worker replaying the same instance would not.
    /// </remarks>
    public const string Current = "1.1";
}
