namespace Swarm.Domain.Agents;

/// <summary>
/// An agent's running record: its profile, the tasks it holds right now and what it has done.
/// Immutable; every change returns a new ledger, so the entity that stores it stays a thin shell.
/// </summary>
public sealed record AgentLedger
{
    /// <summary>Schema version of the stored record, for forward-compatible reads.</summary>
    public int Version { get; init; } = 1;

    public required AgentProfile Profile { get; init; }

    /// <summary>Ids of the tasks the agent holds; its current load is their count.</summary>
    public IReadOnlyList<string> ActiveTasks { get; init; } = [];

    public long Completed { get; init; }

    public long Failed { get; init; }

    /// <summary>Sum of the latency of finished tasks, for the mean.</summary>
    public long TotalLatencyMs { get; init; }

    /// <summary>Tokens the agent's model calls used, as its providers counted them.</summary>
    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    /// <summary>What the agent's model calls cost in US dollars, for the calls whose model has a price.</summary>
    public decimal CostUsd { get; init; }

    public AgentLifecycle Lifecycle { get; init; } = AgentLifecycle.Active;

    /// <summary>Failed steps in a row; any success resets it.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>When the agent last finished a step (its heartbeat: an agent that works is alive).</summary>
    public DateTimeOffset? LastActiveAt { get; init; }

    /// <summary>Failed steps in a row after which an agent is unhealthy: taken off the dispatch board until self-healing reinstates it.</summary>
    public const int UnhealthyAfter = 3;

    public int Load => ActiveTasks.Count;

    public bool IsUnhealthy => Lifecycle == AgentLifecycle.Active && ConsecutiveFailures >= UnhealthyAfter;

    public AgentStatus Status => Lifecycle switch
    {
        AgentLifecycle.Draining => AgentStatus.Draining,
        AgentLifecycle.Retired => AgentStatus.Retired,
        _ when IsUnhealthy => AgentStatus.Unhealthy,
        _ => Load > 0 ? AgentStatus.Busy : AgentStatus.Idle,
    };

    /// <summary>
    /// Claims a slot for <paramref name="taskId"/>. Claiming twice for the same task is granted without a
    /// second slot, because a durable caller may repeat a call after a crash.
    /// </summary>
    public (AgentLedger Ledger, bool Granted) Claim(string taskId)
    {
        if (ActiveTasks.Contains(taskId, StringComparer.Ordinal))
        {
            return (this, true);
        }

        if (Lifecycle != AgentLifecycle.Active || Load >= Profile.MaxConcurrency)
        {
            return (this, false);
        }

        return (this with { ActiveTasks = [.. ActiveTasks, taskId] }, true);
    }

    /// <summary>Frees the task's slot and counts its outcome once; releasing a task the agent does not hold changes nothing.</summary>
    public AgentLedger Release(string taskId, bool succeeded, long latencyMs, ModelUsage? usage = null, DateTimeOffset? at = null)
    {
        if (!ActiveTasks.Contains(taskId, StringComparer.Ordinal))
        {
            return this;
        }

        return this with
        {
            ActiveTasks = [.. ActiveTasks.Where(t => !string.Equals(t, taskId, StringComparison.Ordinal))],
            Completed = Completed + (succeeded ? 1 : 0),
            Failed = Failed + (succeeded ? 0 : 1),
            TotalLatencyMs = TotalLatencyMs + Math.Max(0, latencyMs),
            InputTokens = InputTokens + Math.Max(0, usage?.InputTokens ?? 0),
            OutputTokens = OutputTokens + Math.Max(0, usage?.OutputTokens ?? 0),
            CostUsd = CostUsd + Math.Max(0, usage?.CostUsd ?? 0),
            ConsecutiveFailures = succeeded ? 0 : ConsecutiveFailures + 1,
            LastActiveAt = at ?? LastActiveAt,
        };
    }

    /// <summary>Frees a task's slot without judging the agent (the task was stopped by a person, not failed by the agent).</summary>
    public AgentLedger Free(string taskId) =>
        this with { ActiveTasks = [.. ActiveTasks.Where(t => !string.Equals(t, taskId, StringComparison.Ordinal))] };

    /// <summary>Clears an unhealthy agent's failure streak after its probation, so it gets work again (self-healing).</summary>
    public AgentLedger Reinstate() => this with { ConsecutiveFailures = 0 };

    /// <summary>Stops taking new tasks. Draining a retired agent changes nothing.</summary>
    public AgentLedger Drain() => Lifecycle == AgentLifecycle.Active ? this with { Lifecycle = AgentLifecycle.Draining } : this;

    /// <summary>Retires a draining agent once it holds no task; true when the agent is (now) retired.</summary>
    public (AgentLedger Ledger, bool Retired) Retire()
    {
        if (Lifecycle == AgentLifecycle.Retired)
        {
            return (this, true);
        }

        return Lifecycle == AgentLifecycle.Draining && Load == 0
            ? (this with { Lifecycle = AgentLifecycle.Retired }, true)
            : (this, false);
    }
}
