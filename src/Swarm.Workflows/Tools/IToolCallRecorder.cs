namespace Swarm.Workflows.Tools;

/// <summary>Writes an agent's tool calls where people audit the swarm. Implemented by the hosts' runtime (the audit trail).</summary>
public interface IToolCallRecorder
{
    Task RecordAsync(ToolCallAudit round, CancellationToken cancellationToken);
}
