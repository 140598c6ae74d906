using Swarm.Domain.Patterns;

namespace Swarm.Workflows.Patterns;

/// <summary>A finished task's fingerprint for its shard, with the shard's bound and pattern keys as the task's settings said them (keys null: off, and in old histories).</summary>
public sealed record AtlasEntry(TaskFingerprint Fingerprint, int MaxPerShard, PatternClustering? Keys = null);
