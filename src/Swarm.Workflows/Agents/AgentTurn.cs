using Swarm.Domain.Agents;

namespace Swarm.Workflows.Agents;

/// <summary>One agent asked one prompt for one task: the input of <see cref="AgentTurnOrchestrator"/> and <see cref="InvokeAgentActivity"/>.</summary>
public sealed record AgentTurn(string TaskId, AgentProfile Agent, string Prompt);
