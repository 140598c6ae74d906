namespace Swarm.Workflows.Agents;

/// <summary>A memory entry put in front of an agent because it bears on the step (see <see cref="AgentRecall"/>).</summary>
public sealed record RecalledMemory(string Namespace, string Key, string Value);
