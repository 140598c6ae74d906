using Microsoft.DurableTask;
using Swarm.Domain.Tasks;
using Swarm.Workflows.Realtime;

namespace Swarm.Workflows.Tasks.Index;

/// <summary>
/// A task's writes to the task index, from its own orchestration: at acceptance, when it starts waiting for approval,
/// when it waits for an agent again after approval, when its first seat is held (running) and at its end. Each write
/// is an activity started once the previous one is done, so the rows see the changes in order; only the approval wait
/// and the end wait for theirs (so the listing never shows less than the task's own view does at those points). A write
/// that fails after its retries is dropped: the orchestration stays the truth, the next write (every write carries
/// the whole entry) or the self-healing pass's <c>TaskIndexRepair</c> brings the row up to date. A task stored before the
/// index existed (<see cref="TaskRunInput.AcceptedAt"/> null) writes nothing, so its replay agrees.
/// </summary>
/// <remarks>
/// With <see cref="TaskRunInput.ChangesTogether"/> the entry of a change that the channel also tells of waits for its
/// notices (<see cref="SendWith"/>, called by <see cref="TaskStateNotices"/>), and both leave in one
/// <see cref="RecordTaskChangeActivity"/>: acceptance with <c>running</c> (or with <c>awaitingApproval</c>), approval
/// with <c>running</c>, the end with the end's notices. Only the first seat's entry goes alone. An entry still waiting
/// when a newer one comes is replaced by it: every entry is the whole row. Older tasks write as before.
/// <para>
/// With <see cref="TaskRunInput.FirstWriteAtSeat"/> (every task submitted since) nothing is written until the task
/// gets its first seat, waits in line for one, waits for approval, or ends, and the first seat's change (the whole
/// entry, running, with the <c>running</c> notice held until then) goes with that step's first model call
/// (<see cref="TakeSeatChangeAsync"/>): <see cref="Agents.InvokeAgentActivity"/> writes it and sends its notices before
/// it calls the model. A task that gets a seat at once so leaves no <c>queued</c> row behind and runs one activity
/// for its acceptance and first seat together where it ran two, and that one is its model call: four queue messages
/// and two history batches a task fewer, on the storage that bounds throughput. The price: the task is listed from
/// its first seat or its first wait, not from its first episode (the recall and the seat request come between). A
/// step whose work is no model call (an external agent's, a queen's plan) sends the change at once
/// (<see cref="SendSeatChange"/>); a change nobody took is replaced by the end's.
/// </para>
/// </remarks>
public sealed class TaskIndexWrites
{
    readonly TaskOrchestrationContext context;
    readonly bool enabled;
    readonly bool together;
    readonly bool atSeat;
    readonly List<RealtimeDelivery> heldNotices = [];
    TaskIndexEntry entry;
    TaskChange? seatChange;
    bool holding;
    TaskIndexEntry? waiting;
    Task previous = Task.CompletedTask;
    bool running;

    public TaskIndexWrites(TaskOrchestrationContext context, TaskRunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        this.context = context;
        enabled = input.AcceptedAt is not null;
        // Only when the channel is on: with it off no notice would ever take the entries along.
        together = enabled && input.ChangesTogether && input.NotifyGroups;
        atSeat = enabled && input.FirstWriteAtSeat;
        var status = input.RequiresApproval ? TaskRunStatus.AwaitingApproval : TaskRunStatus.Queued;
        var phase = input.RequiresApproval ? TaskProgress.AwaitingApproval : TaskProgress.WaitingForAgent;
        entry = TaskIndexEntry.Accepted(input, input.AcceptedAt ?? context.CurrentUtcDateTime, status, phase, context.CurrentUtcDateTime);
        if (atSeat)
        {
            holding = true;
        }
        else
        {
            Write(entry);
        }
    }

    /// <summary>Whether notices go with the entries (<see cref="SendWith"/>) rather than in activities of their own.</summary>
    public bool CarriesNotices => together;

    /// <summary>
    /// Done once every write so far is: awaited before the task shows a change the listing must already hold. An entry
    /// still waiting for its notices goes now, alone.
    /// </summary>
    public Task Written
    {
        get
        {
            ReleaseHold();
            SendSeatChange();
            Flush();
            return previous;
        }
    }

    /// <summary>Approved: it waits for an agent again, queued until its first seat.</summary>
    public void Approved() => Change(entry with { Status = TaskRunStatus.Queued, Phase = TaskProgress.WaitingForAgent });

    /// <summary>A seat is held: the first makes the task running (later seats change nothing the index holds).</summary>
    public void SeatHeld(string agentId, string? strategy)
    {
        if (running)
        {
            return;
        }

        running = true;
        var held = entry with { Status = TaskRunStatus.Running, Phase = TaskProgress.Running, AgentId = agentId, Agents = [agentId], Strategy = strategy };
        if (atSeat)
        {
            // Anything still waiting goes first; this change waits for the step's first model call.
            Flush();
            entry = held with { UpdatedAt = context.CurrentUtcDateTime };
            seatChange = new TaskChange(entry, [.. heldNotices]);
            holding = false;
            heldNotices.Clear();
            return;
        }

        Change(held);

        // No notice tells of the first seat: its entry goes at once.
        Flush();
    }

    /// <summary>The task's step waits in line for a seat: what was held back (its acceptance, the notices) goes now, so the task is listed while it waits.</summary>
    public void InLine() => ReleaseHold();

    /// <summary>
    /// The first seat's change for the model call about to start, once every earlier write is done (so it cannot land
    /// before them); null when there is none to carry (not the first seat, already taken, or an older task).
    /// </summary>
    public async Task<TaskChange?> TakeSeatChangeAsync()
    {
        if (seatChange is not { } taken)
        {
            return null;
        }

        seatChange = null;
        await previous;
        return taken;
    }

    /// <summary>Sends the first seat's change in an activity of its own, for a step whose work is no model call.</summary>
    public void SendSeatChange()
    {
        if (seatChange is { } taken)
        {
            seatChange = null;
            previous = AfterAsync(previous, taken);
        }
    }

    /// <summary>
    /// Its end, after every earlier write; the task waits for it before it completes. With notices carried, the entry
    /// leaves with the end's notices, which the orchestration sends beside it (<see cref="TaskStateNotices.EndedAsync"/>).
    /// </summary>
    public Task EndedAsync(TaskRunStatus status, string? strategy, string? agentId, IReadOnlyList<string> agents, string? errorType)
    {
        // A first seat's change nobody took (its step ended before a model call) is replaced by this whole row, and a
        // held "running" notice that never went is dropped: the end's notices tell of the end.
        seatChange = null;
        holding = false;
        heldNotices.Clear();
        Change(entry with { Status = status, Phase = null, Strategy = strategy ?? entry.Strategy, AgentId = agentId ?? entry.AgentId, Agents = [.. agents], ErrorType = errorType });
        return previous;
    }

    /// <summary>Sends the entry waiting for notices, if any, with <paramref name="notices"/> in one activity, after every earlier write.</summary>
    public Task SendWith(IReadOnlyList<RealtimeDelivery> notices)
    {
        ArgumentNullException.ThrowIfNull(notices);
        if (holding)
        {
            heldNotices.AddRange(notices);
            return previous;
        }

        var change = new TaskChange(waiting, notices);
        waiting = null;
        previous = AfterAsync(previous, change);
        return previous;
    }

    /// <summary>Sends what was held back for the first seat (the entry as it is, the notices) in one activity.</summary>
    void ReleaseHold()
    {
        if (holding)
        {
            holding = false;
            var change = new TaskChange(entry, [.. heldNotices]);
            heldNotices.Clear();
            previous = AfterAsync(previous, change);
        }
    }

    void Change(TaskIndexEntry next)
    {
        entry = next with { UpdatedAt = context.CurrentUtcDateTime };
        Write(entry);
    }

    void Write(TaskIndexEntry next)
    {
        if (together)
        {
            waiting = next;
        }
        else if (enabled)
        {
            previous = AfterAsync(previous, next);
        }
    }

    void Flush()
    {
        if (waiting is not null)
        {
            SendWith([]);
        }
    }

    async Task AfterAsync(Task before, TaskIndexEntry next)
    {
        await before;
        try
        {
            await context.CallActivityAsync<bool>(nameof(RecordTaskActivity), next, RecordTaskActivity.Retry);
        }
        catch (TaskFailedException)
        {
            // Dropped: a copy that could not be written must not fail the task (see the class's remarks).
        }
    }

    async Task AfterAsync(Task before, TaskChange change)
    {
        await before;
        if (change.Entry is null)
        {
            // Notices alone: sent once, as RealtimeNotices sends them, lost rather than fatal.
            await RealtimeNotices.SendAsync(context, change.Notices);
            return;
        }

        try
        {
            await context.CallActivityAsync<int>(nameof(RecordTaskChangeActivity), change, RecordTaskActivity.Retry);
        }
        catch (TaskFailedException)
        {
            // The copy is dropped (see the class's remarks); the notices, which the failed write held back, go alone.
            await RealtimeNotices.SendAsync(context, change.Notices);
        }
    }
}
