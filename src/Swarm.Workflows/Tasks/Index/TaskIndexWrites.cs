using Microsoft.DurableTask;
using Swarm.Domain.Tasks;

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
public sealed class TaskIndexWrites
{
    readonly TaskOrchestrationContext context;
    readonly bool enabled;
    TaskIndexEntry entry;
    Task previous = Task.CompletedTask;
    bool running;

    public TaskIndexWrites(TaskOrchestrationContext context, TaskRunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        this.context = context;
        enabled = input.AcceptedAt is not null;
        var status = input.RequiresApproval ? TaskRunStatus.AwaitingApproval : TaskRunStatus.Queued;
        var phase = input.RequiresApproval ? TaskProgress.AwaitingApproval : TaskProgress.WaitingForAgent;
        entry = TaskIndexEntry.Accepted(input, input.AcceptedAt ?? context.CurrentUtcDateTime, status, phase, context.CurrentUtcDateTime);
        Write(entry);
    }

    /// <summary>Done once every write so far is: awaited before the task shows a change the listing must already hold.</summary>
    public Task Written => previous;

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
        Change(entry with { Status = TaskRunStatus.Running, Phase = TaskProgress.Running, AgentId = agentId, Agents = [agentId], Strategy = strategy });
    }

    /// <summary>Its end, after every earlier write; the task waits for it before it completes.</summary>
    public Task EndedAsync(TaskRunStatus status, string? strategy, string? agentId, IReadOnlyList<string> agents, string? errorType)
    {
        Change(entry with { Status = status, Phase = null, Strategy = strategy ?? entry.Strategy, AgentId = agentId ?? entry.AgentId, Agents = [.. agents], ErrorType = errorType });
        return previous;
    }

    void Change(TaskIndexEntry next)
    {
        entry = next with { UpdatedAt = context.CurrentUtcDateTime };
        Write(entry);
    }

    void Write(TaskIndexEntry next)
    {
        if (enabled)
        {
            previous = AfterAsync(previous, next);
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
}
