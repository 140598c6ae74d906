using Swarm.Domain.Learning;

namespace Swarm.Domain.Distribution;

/// <summary>A fitting agent in the order <see cref="AgentSelector.Rank"/> gives, with its composite score and the skill value behind it.</summary>
public sealed record RankedAgent(BoardAgent Agent, double Score, SkillChoice Skill);
