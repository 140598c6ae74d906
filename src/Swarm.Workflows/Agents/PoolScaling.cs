using Swarm.Domain.Agents;

namespace Swarm.Workflows.Agents;

/// <summary>Input of <see cref="ScalePoolOrchestrator"/>: the pool, its target size or a change to it, and the profile new members are made from.</summary>
/// <param name="Target">The size to reach; when null, the current size plus <paramref name="Delta"/>.</param>
/// <param name="Template">The profile new agents copy; its id is replaced by a generated one.</param>
/// <param name="Keep">An agent the scaling must never retire (the default agent, which every task runs on).</param>
public sealed record PoolScaling(AgentPool Pool, int? Target, int? Delta, AgentProfile Template, int MaxAgents, string? Keep = null)
{
    public int TargetFor(int current) => Math.Max(0, Target ?? (current + (Delta ?? 0)));
}

/// <summary>What a scaling did: sizes before and after, the agents created and retired, and why it stopped short if it did.</summary>
public sealed record PoolScaleResult(string Pool, int Before, int After, IReadOnlyList<string> Created, IReadOnlyList<string> Retired, string? Limit);
