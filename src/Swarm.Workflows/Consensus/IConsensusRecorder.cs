namespace Swarm.Workflows.Consensus;

/// <summary>Writes every ballot and decision of a round where people audit the swarm. Implemented in Swarm.Application on the audit trail (<c>AuditedConsensusRecorder</c>).</summary>
public interface IConsensusRecorder
{
    Task RecordAsync(string proposalId, RoundRecord round, CancellationToken cancellationToken);
}
