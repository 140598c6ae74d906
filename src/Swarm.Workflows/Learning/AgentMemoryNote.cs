using Swarm.Workflows.Memory;

namespace Swarm.Workflows.Learning;

/// <summary>A memory entry for one agent's own namespace, sent when a rating of its work is kept.</summary>
public sealed record AgentMemoryNote(string AgentId, MemoryWrite Write);
