using Swarm.Domain.Learning;
using Swarm.Domain.Patterns;

namespace Swarm.Workflows.Learning;

/// <summary>
/// A person's rating with everything it teaches, handed to <see cref="TaskRatingsEntity"/> in one signal. The entity
/// passes the rest on only when it keeps the rating, so a repeated or racing rating by the same person teaches nothing
/// a second time: the task atlas's copy, the board's skill signals and each agent's memory note follow the kept rating.
/// </summary>
/// <param name="AtlasShard">The capability key of the atlas shard that holds the task's fingerprint.</param>
/// <param name="SkillSignals">One per agent that worked on the task.</param>
/// <param name="MemoryNotes">One per agent, written to the agent's own memory namespace.</param>
/// <param name="DispatchShards">The dispatch board's shards, so each skill signal goes to its agent's; null (before shards) is one.</param>
public sealed record RatingDelivery(
    string TaskId,
    Rating Rating,
    string AtlasShard,
    IReadOnlyList<SkillSignal> SkillSignals,
    IReadOnlyList<AgentMemoryNote> MemoryNotes,
    int? DispatchShards = null);
