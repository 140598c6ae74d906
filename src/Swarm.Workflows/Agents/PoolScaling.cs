using Swarm.Domain.Agents;

namespace Swarm.Workflows.Agents;

/// <summary>Input of <see cref="ScalePoolOrchestrator"/>: the pool, its target size or a change to it, and what new members are made of.</summary>
/// <param name="Target">The size to reach; when null, the current size plus <paramref name="Delta"/>.</param>
/// <param name="Template">The fields new agents get; the others are copied from a member of the pool. Ids are generated.</param>
/// <param name="Keep">An agent the scaling must never retire (the default agent, which every task runs on).</param>
/// <param name="RequestedBy">
/// Who asked, when a person did (the principal's subject); null for the autoscaler, which records its own decisions.
/// A person's scaling is recorded as the pool's last change, so autoscaling leaves it alone for a cooldown.
/// </param>
/// <param name="Notify">Whether the operators hear of the agents it creates and retires (the channel was on when it started, so replays agree).</param>
public sealed record PoolScaling(AgentPool Pool, int? Target, int? Delta, PoolTemplate Template, int MaxAgents, string? Keep = null, string? RequestedBy = null, bool Notify = false, int? DispatchShards = null)
{
    public int TargetFor(int current) => Math.Max(0, Target ?? (current + (Delta ?? 0)));

    /// <summary>What was asked, in words, e.g. <c>target 3</c> or <c>delta -1</c>.</summary>
    public string Asked => Target is { } target ? $"target {target}" : $"delta {Delta ?? 0:+0;-0;0}";
}

/// <summary>What a scaling did: sizes before and after, the agents created and retired, and why it stopped short if it did.</summary>
/// <param name="CopiedFrom">The member whose profile new agents copied where the request left fields out; null when none was.</param>
public sealed record PoolScaleResult(string Pool, int Before, int After, IReadOnlyList<string> Created, IReadOnlyList<string> Retired, string? Limit, string? CopiedFrom = null);
