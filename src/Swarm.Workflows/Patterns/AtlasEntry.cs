using Swarm.Domain.Patterns;

namespace Swarm.Workflows.Patterns;

/// <summary>A finished task's fingerprint for its shard, with the shard's bound as the task's settings said it.</summary>
public sealed record AtlasEntry(TaskFingerprint Fingerprint, int MaxPerShard);
