using Microsoft.DurableTask;

namespace Swarm.Workflows.Tasks;

/// <summary>
/// Keeps a running task's <see cref="TaskProgress"/> and publishes it as the orchestration's custom status at each
/// change. Orchestrator code runs on one thread, so parallel steps may share it without locks; it uses only the
/// orchestration's clock, so replays produce the same status.
/// </summary>
public sealed class TaskTracker(TaskOrchestrationContext context)
{
    /// <summary>The timeline keeps the first events and the latest ones; a task with many steps would otherwise outgrow its status.</summary>
    const int TimelineLimit = 60;

    readonly List<SeatHold> seats = [];
    readonly List<string> waiting = [];
    readonly List<string> agents = [];
    readonly List<TaskEvent> timeline = [];
    string step = TaskProgress.WaitingForAgent;

    public string? Strategy { get; set; }

    public IReadOnlyList<TaskEvent> Timeline => timeline;

    public IReadOnlyList<string> Agents => agents;

    public void Record(string kind, string detail)
    {
        if (timeline.Count >= TimelineLimit)
        {
            timeline.RemoveAt(TimelineLimit / 2);
        }

        timeline.Add(new TaskEvent(context.CurrentUtcDateTime, kind, detail));
        Publish();
    }

    public void Phase(string phase)
    {
        step = phase;
        Publish();
    }

    public void Waiting(string seatKey, bool isWaiting)
    {
        if (isWaiting)
        {
            waiting.Add(seatKey);
        }
        else
        {
            waiting.Remove(seatKey);
        }

        Publish();
    }

    public void Holding(SeatHold seat)
    {
        seats.Add(seat);
        if (!agents.Contains(seat.AgentId, StringComparer.Ordinal))
        {
            agents.Add(seat.AgentId);
        }

        Publish();
    }

    public void Released(SeatHold seat)
    {
        seats.Remove(seat);
        Publish();
    }

    public void Fail(TaskFailure failure)
    {
        step = TaskProgress.Failed;
        context.SetCustomStatus(Snapshot(failure));
    }

    TaskProgress Snapshot(TaskFailure? failure = null) => new(
        seats.Count > 0 ? TaskProgress.Running : step == TaskProgress.Running ? TaskProgress.WaitingForAgent : step,
        Strategy, [.. seats], [.. waiting], [.. agents], [.. timeline], failure);

    void Publish() => context.SetCustomStatus(Snapshot());
}
