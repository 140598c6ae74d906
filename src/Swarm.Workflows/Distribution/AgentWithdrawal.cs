namespace Swarm.Workflows.Distribution;

/// <summary>Input of <see cref="DispatcherEntity.Withdraw"/>: the agent, and the orchestration to tell when it has left the board.</summary>
public sealed record AgentWithdrawal(string AgentId, string? Watcher);
