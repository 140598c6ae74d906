namespace Swarm.Workflows.Consensus;

/// <summary>Writes every ballot and decision of a round where people audit the swarm. Implemented by the hosts' shared runtime (the audit trail).</summary>
public interface IConsensusRecorder
{
    Task RecordAsync(string proposalId, RoundRecord round, CancellationToken cancellationToken);
}
