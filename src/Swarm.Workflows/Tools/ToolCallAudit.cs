namespace Swarm.Workflows.Tools;

/// <summary>One round of an agent's tool calls, as the audit trail records it: who, for which task, and each call.</summary>
public sealed record ToolCallAudit(string TaskId, string AgentId, string Stage, IReadOnlyList<ToolCallRecord> Calls);

/// <summary>One tool call as audited and shown in the timeline: the tool, when it ran, how long, how it ended, and capped summaries.</summary>
/// <param name="Outcome">succeeded, failed (the tool's error) or refused (not allowed, bad arguments, over budget).</param>
public sealed record ToolCallRecord(string CallId, string Tool, DateTimeOffset At, long DurationMs, string Outcome, string Arguments, string Result)
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Refused = "refused";
}
