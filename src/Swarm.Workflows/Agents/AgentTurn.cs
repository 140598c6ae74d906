using Swarm.Domain.Agents;
using Swarm.Workflows.Models;

namespace Swarm.Workflows.Agents;

/// <summary>One agent asked one prompt for one task: the input of <see cref="AgentTurnOrchestrator"/> and <see cref="InvokeAgentActivity"/>.</summary>
/// <param name="Capability">The capability the task needs, when it names one (the simulated provider's accuracy depends on it).</param>
/// <param name="Deadline">The task's deadline, which stops the call (see <see cref="ModelCallLimits"/>); null for none.</param>
public sealed record AgentTurn(string TaskId, AgentProfile Agent, string Prompt, string? Capability = null, DateTimeOffset? Deadline = null);
