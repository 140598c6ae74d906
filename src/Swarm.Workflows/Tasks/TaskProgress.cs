using System.Text.Json.Serialization;

namespace Swarm.Workflows.Tasks;

/// <summary>
/// The orchestration's custom status: where the task is, the seats it holds and the steps waiting for one, its
/// timeline so far, and why it failed if it did. Kept small (no answers), because it is rewritten at every step.
/// </summary>
/// <param name="Phase">
/// The task's phase: <see cref="AwaitingApproval"/>, <see cref="WaitingForAgent"/>, <see cref="Running"/>,
/// <see cref="Completing"/> or <see cref="Failed"/>. Stored under its first name, <c>Step</c>: running tasks keep the
/// status they wrote before the rename, and "step" names one step of a task everywhere else.
/// </param>
/// <param name="Agents">Every agent that has worked on the task, in order.</param>
public sealed record TaskProgress(
    [property: JsonPropertyName("Step")] string Phase,
    string? Strategy,
    IReadOnlyList<SeatHold> Seats,
    IReadOnlyList<string> Waiting,
    IReadOnlyList<string> Agents,
    IReadOnlyList<TaskEvent> Timeline,
    TaskFailure? Failure = null)
{
    public const string AwaitingApproval = "awaiting-approval";
    public const string WaitingForAgent = "waiting-for-agent";
    public const string Running = "running";

    /// <summary>The work is done and the task is being completed (its last checkpoint, after any completion notice).</summary>
    public const string Completing = "completing";
    public const string Failed = "failed";
}
