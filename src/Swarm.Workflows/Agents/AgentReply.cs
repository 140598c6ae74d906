using Swarm.Domain.Tasks;
using Swarm.Workflows.Tools;

namespace Swarm.Workflows.Agents;

/// <summary>What one model call gave back: its answer (text, tokens, cost) and the tool calls it asks for, if any.</summary>
public sealed record AgentReply(AgentAnswer Answer, IReadOnlyList<ToolCall> Calls);
