using System.Globalization;
using Swarm.Application.Audit;
using Swarm.Workflows.Consensus;

namespace Swarm.Application.Consensus;

/// <summary>
/// Writes a counted round to the audit trail: one record per ballot (voter, choice, confidence, how it came, and its
/// rationale, bounded) and one for the decision, all under <c>consensus/{proposal}/rounds/{n}</c>, with the proposal id as
/// correlation id. Each record carries the ballot's own time; a retried write may append a round's records twice (with
/// the same times), never lose them.
/// </summary>
public sealed class AuditedConsensusRecorder(IAuditTrail audit) : IConsensusRecorder
{
    public async Task RecordAsync(string proposalId, RoundRecord round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var resource = $"consensus/{proposalId}/rounds/{round.Round.ToString(CultureInfo.InvariantCulture)}";
        foreach (var ballot in round.Ballots)
        {
            var detail = ballot.Problem is { } problem
                ? $"no ballot: {problem}"
                : $"{(ballot.Choice is null ? ballot.DelegateTo is null ? "abstained" : $"delegated to {ballot.DelegateTo}" : $"chose '{ballot.Choice}'")} "
                  + $"(confidence {ballot.Confidence.ToString("0.##", CultureInfo.InvariantCulture)}, {ballot.Source}): {ballot.Rationale}";
            await audit.AppendAsync(
                AuditRecord.Create(ballot.At, Domain.Agents.AgentSubject.Of(ballot.VoterId), "ConsensusBallot", resource, AuditOutcomes.Succeeded, null, proposalId, detail: detail),
                cancellationToken);
        }

        var decision = round.Outcome.Decided ? $"decided '{round.Outcome.Winner}': {round.Outcome.Reason}" : $"undecided: {round.Outcome.Reason}";
        await audit.AppendAsync(
            AuditRecord.Create(round.EndedAt, "swarm", "ConsensusDecision", resource, AuditOutcomes.Succeeded, null, proposalId, detail: decision),
            cancellationToken);
    }
}
