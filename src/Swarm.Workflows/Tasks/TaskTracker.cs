using Microsoft.DurableTask;
using Swarm.Domain.Patterns;

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

    /// <summary>Characters kept of one timeline event's detail, and of a failure's message.</summary>
    const int DetailLimit = 160;
    const int FailureLimit = 4_000;

    readonly List<SeatHold> seats = [];
    readonly List<string> waiting = [];
    readonly List<string> agents = [];
    readonly List<TaskEvent> timeline = [];
    readonly List<StepTrace> steps = [];
    string phase = TaskProgress.WaitingForAgent;

    public string? Strategy { get; set; }

    /// <summary>The task's writes to the task index, told when its first seat is held; none when not set.</summary>
    public Index.TaskIndexWrites? Index { get; init; }

    public IReadOnlyList<TaskEvent> Timeline => timeline;

    public IReadOnlyList<string> Agents => agents;

    /// <summary>Every attempt at every step so far, failed ones too, in the order they ended: the fingerprint's steps.</summary>
    public IReadOnlyList<StepTrace> Steps => steps;

    /// <summary>What the answered steps have cost so far.</summary>
    public decimal CostUsd { get; private set; }

    /// <summary>Notes how an attempt at a step ended, and what it cost. Not published: the fingerprint reads it at the end.</summary>
    public void Traced(StepTrace step, decimal costUsd)
    {
        steps.Add(step);
        CostUsd += costUsd;
    }

    public void Record(string kind, string detail)
    {
        if (timeline.Count >= TimelineLimit)
        {
            timeline.RemoveAt(TimelineLimit / 2);
        }

        timeline.Add(new TaskEvent(context.CurrentUtcDateTime, kind, Cut(detail, DetailLimit)));
        Publish();
    }

    public void Phase(string next)
    {
        phase = next;
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
        Index?.SeatHeld(seat.AgentId, Strategy);
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
        ArgumentNullException.ThrowIfNull(failure);
        phase = TaskProgress.Failed;
        context.SetCustomStatus(Snapshot(failure with { Message = Cut(failure.Message, FailureLimit) }));
    }

    /// <summary>The custom status must stay well under the backends' limits (16 KB in Durable Functions), so long texts are cut.</summary>
    static string Cut(string text, int limit) => text.Length <= limit ? text : text[..limit] + "…";

    TaskProgress Snapshot(TaskFailure? failure = null) => new(
        seats.Count > 0 ? TaskProgress.Running : phase == TaskProgress.Running ? TaskProgress.WaitingForAgent : phase,
        Strategy, [.. seats], [.. waiting], [.. agents], [.. timeline], failure);

    void Publish() => context.SetCustomStatus(Snapshot());
}
