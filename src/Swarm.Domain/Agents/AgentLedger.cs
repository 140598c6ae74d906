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

    public int Load => ActiveTasks.Count;

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

        if (Load >= Profile.MaxConcurrency)
        {
            return (this, false);
        }

        return (this with { ActiveTasks = [.. ActiveTasks, taskId] }, true);
    }

    /// <summary>Frees the task's slot and counts its outcome once; releasing a task the agent does not hold changes nothing.</summary>
    public AgentLedger Release(string taskId, bool succeeded, long latencyMs)
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
        };
    }
}
