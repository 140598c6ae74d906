using Microsoft.Extensions.Logging;

namespace Swarm.Workflows;

/// <summary>
/// Every log event the workflows write, one <c>[LoggerMessage]</c> each with a fixed event id, so a task's life and an
/// agent's can be followed (and filtered on) in any log sink. Orchestrations log through a replay-safe logger
/// (<c>CreateReplaySafeLogger</c>), so a replayed episode does not log its steps twice. No prompt or answer text is
/// logged: only ids, names, counts and reasons.
/// </summary>
/// <remarks>
/// Event ids across the swarm: 1100-1199 a task's life; 1200-1299 model calls (1250s: the providers' breakers);
/// 1300-1399 an agent's life; 1400-1499 security and the audit trail (the API dispatcher); 1500-1599 the periodic jobs
/// and the durable engine; 1600-1699 the real-time channel; 1700-1799 the MCP tool servers (Swarm.Mcp); 1800-1899
/// agents' tool calls. Each is declared where it is logged.
/// </remarks>
public static partial class Logs
{
    /// <summary>Logger category of a task's life: acceptance, waiting, seats, steps, completion and failure.</summary>
    public const string TaskCategory = "Swarm.Tasks";

    /// <summary>Logger category of model calls made for agents.</summary>
    public const string ModelCategory = "Swarm.Models";

    /// <summary>Logger category of agents' lifecycle: provisioned, draining, retired.</summary>
    public const string AgentCategory = "Swarm.Agents";

    /// <summary>Logger category of agents' tool loops and tool calls.</summary>
    public const string ToolCategory = "Swarm.Tools";

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Task {TaskId} started: strategy {Strategy}, priority {Priority}")]
    public static partial void TaskStarted(this ILogger logger, string taskId, string strategy, int priority);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Task {TaskId} step {Stage} waits for an agent: position {Position} in line ({Reason})")]
    public static partial void StepWaiting(this ILogger logger, string taskId, string stage, int position, string reason);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Task {TaskId} step {Stage} has a seat on {AgentId}")]
    public static partial void SeatGranted(this ILogger logger, string taskId, string stage, string agentId);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Task {TaskId} step {Stage} answered by {AgentId} in {LatencyMs} ms")]
    public static partial void StepAnswered(this ILogger logger, string taskId, string stage, string agentId, long latencyMs);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Task {TaskId} step {Stage} failed on {AgentId}: {FailureType}")]
    public static partial void StepAttemptFailed(this ILogger logger, string taskId, string stage, string agentId, string failureType);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Information, Message = "Task {TaskId} completed after {Steps} step(s), result from {AgentId}")]
    public static partial void TaskCompleted(this ILogger logger, string taskId, int steps, string agentId);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Warning, Message = "Task {TaskId} failed: {FailureType}: {Reason}")]
    public static partial void TaskFailed(this ILogger logger, string taskId, string failureType, string reason);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Warning, Message = "Task {TaskId}'s index entry for its first seat was not written before its model call: {Error}")]
    public static partial void SeatEntryNotWritten(this ILogger logger, string taskId, string error);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "Model call for task {TaskId} on {AgentId} started: {Provider}:{Model}")]
    public static partial void ModelCallStarted(this ILogger logger, string taskId, string agentId, string provider, string model);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Model call for task {TaskId} on {AgentId} ended: {Provider}:{Model}, {LatencyMs} ms, {InputTokens} in / {OutputTokens} out")]
    public static partial void ModelCallEnded(this ILogger logger, string taskId, string agentId, string provider, string model, long latencyMs, long inputTokens, long outputTokens);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Model call for task {TaskId} on {AgentId} failed after {LatencyMs} ms: {Provider}:{Model}: {Error}")]
    public static partial void ModelCallFailed(this ILogger logger, string taskId, string agentId, string provider, string model, long latencyMs, string error);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning, Message = "Streamed text of task {TaskId} step {Step} turn {Turn} (attempt {Attempt}) on {AgentId}: {Dropped} of {Frames} frame(s) not delivered, the call went on: {Reason}")]
    public static partial void StreamFramesDropped(this ILogger logger, string taskId, string step, int turn, long attempt, string agentId, int dropped, int frames, string reason);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Agent {AgentId} provisioned: {AgentType} on {Provider}:{Model}")]
    public static partial void AgentProvisioned(this ILogger logger, string agentId, Domain.Agents.AgentType agentType, string provider, string model);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Agent {AgentId} is draining")]
    public static partial void AgentDraining(this ILogger logger, string agentId);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "Agent {AgentId} retired after {Completed} completed and {Failed} failed step(s)")]
    public static partial void AgentRetired(this ILogger logger, string agentId, long completed, long failed);

    [LoggerMessage(EventId = 1801, Level = LogLevel.Information, Message = "Task {TaskId} step {Stage}: {AgentId} called {Tool}: {Outcome} in {DurationMs} ms")]
    public static partial void ToolCalled(this ILogger logger, string taskId, string stage, string agentId, string tool, string outcome, long durationMs);

    [LoggerMessage(EventId = 1802, Level = LogLevel.Information, Message = "Task {TaskId} step {Stage}: {AgentId} ended its tool loop after {Turns} turn(s) and {ToolCalls} tool call(s): {Reason}")]
    public static partial void ToolLoopEnded(this ILogger logger, string taskId, string stage, string agentId, int turns, int toolCalls, string reason);

    [LoggerMessage(EventId = 1803, Level = LogLevel.Debug, Message = "Server tool {Tool} for task {TaskId} on {AgentId} answered in {DurationMs} ms (error: {IsError})")]
    public static partial void ServerToolCalled(this ILogger logger, string taskId, string agentId, string tool, long durationMs, bool isError);

    [LoggerMessage(EventId = 1804, Level = LogLevel.Warning, Message = "Task {TaskId} step {Stage}: {AgentId}'s tool calls could not be audited: {Reason}")]
    public static partial void ToolAuditFailed(this ILogger logger, string taskId, string stage, string agentId, string reason);
}
