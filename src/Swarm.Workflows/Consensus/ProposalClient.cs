using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Swarm.Workflows.Consensus;

/// <summary>Proposals as code outside the workflows uses them: opening a round, recognising its instance, and ballots.</summary>
public sealed class ProposalClient(DurableTaskClient durable)
{
    /// <summary>Whether an orchestration instance is a consensus round.</summary>
    public static bool IsProposal(OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.Name == nameof(ConsensusRoundOrchestrator);
    }

    /// <summary>Opens the round under <paramref name="proposalId"/>.</summary>
    public Task StartAsync(ProposalInput input, string proposalId, CancellationToken cancellationToken) =>
        durable.ScheduleNewOrchestrationInstanceAsync(nameof(ConsensusRoundOrchestrator), input, new StartOrchestrationOptions(proposalId), cancellationToken);

    /// <summary>Delivers an external voter's ballot for a round.</summary>
    public Task VoteAsync(string proposalId, string agentId, int round, ExternalBallot ballot, CancellationToken cancellationToken) =>
        durable.RaiseEventAsync(proposalId, ExternalBallot.EventName(agentId, round), ballot, cancellationToken);
}
