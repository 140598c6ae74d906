using Swarm.Domain.Patterns;

namespace Swarm.Workflows.Patterns;

/// <summary>A person's rating of a task, for the task's shard.</summary>
public sealed record TaskRating(string TaskId, Rating Rating);
