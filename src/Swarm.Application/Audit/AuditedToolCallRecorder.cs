using Swarm.Workflows.Tools;

namespace Swarm.Application.Audit;

/// <summary>
/// Writes an agent's tool calls to the audit trail: one record per call, by the agent, under
/// <c>tasks/{task}/tools/{tool}</c>, with the task id as correlation id and capped summaries of the arguments and the
/// result (the trail masks anything shaped like a credential). A retried write may append a round's records twice
/// (with the same times), never lose them.
/// </summary>
public sealed class AuditedToolCallRecorder(IAuditTrail audit) : IToolCallRecorder
{
    public async Task RecordAsync(ToolCallAudit round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        foreach (var call in round.Calls)
        {
            var outcome = call.Outcome switch
            {
                ToolCallRecord.Succeeded => AuditOutcomes.Succeeded,
                ToolCallRecord.Refused => AuditOutcomes.Denied,
                _ => AuditOutcomes.Failed,
            };
            await audit.AppendAsync(
                AuditRecord.Create(
                    call.At, Domain.Agents.AgentSubject.Of(round.AgentId), "ToolCall", $"tasks/{round.TaskId}/tools/{call.Tool}", outcome, null, round.TaskId,
                    detail: $"step {round.Stage}, call {call.CallId}, {call.DurationMs} ms, {call.Outcome}; arguments: {call.Arguments}; result: {call.Result}"),
                cancellationToken);
        }
    }
}
