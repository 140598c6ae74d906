using Swarm.Domain.Agents;

namespace Swarm.Domain.Distribution;

/// <summary>
/// What an agent has done, counted where its steps end: on the dispatch board, from each step's one release. The
/// board hands the record to the agent's ledger when the agent leaves it (retirement), so there is one owner at a time.
/// </summary>
public sealed record AgentWork
{
    /// <summary>Failed steps in a row after which an agent is unhealthy: offered no work until self-healing reinstates it.</summary>
    public const int UnhealthyAfter = 3;

    public long Completed { get; init; }

    public long Failed { get; init; }

    /// <summary>Sum of the latency of finished steps, for the mean.</summary>
    public long TotalLatencyMs { get; init; }

    /// <summary>Tokens the agent's model calls used, as its providers counted them.</summary>
    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    /// <summary>What the agent's model calls cost in US dollars, for the calls whose model has a price.</summary>
    public decimal CostUsd { get; init; }

    /// <summary>Failed steps in a row; any success resets it.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>When the agent last finished a step (its heartbeat: an agent that works is alive).</summary>
    public DateTimeOffset? LastActiveAt { get; init; }

    public bool IsFailing => ConsecutiveFailures >= UnhealthyAfter;

    public long? MeanLatencyMs => Completed + Failed == 0 ? null : TotalLatencyMs / (Completed + Failed);

    /// <summary>Counts one step's outcome.</summary>
    public AgentWork Record(WorkOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return this with
        {
            Completed = Completed + (outcome.Succeeded ? 1 : 0),
            Failed = Failed + (outcome.Succeeded ? 0 : 1),
            TotalLatencyMs = TotalLatencyMs + Math.Max(0, outcome.LatencyMs),
            InputTokens = InputTokens + Math.Max(0, outcome.Usage.InputTokens),
            OutputTokens = OutputTokens + Math.Max(0, outcome.Usage.OutputTokens),
            CostUsd = CostUsd + Math.Max(0, outcome.Usage.CostUsd),
            ConsecutiveFailures = outcome.Succeeded ? 0 : ConsecutiveFailures + 1,
            LastActiveAt = outcome.At,
        };
    }

    /// <summary>Clears the failure streak after probation (self-healing); the counts stay.</summary>
    public AgentWork Reinstate() => this with { ConsecutiveFailures = 0 };
}
