using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Swarm.Domain.Consensus;
using Swarm.Workflows.Consensus;

namespace Swarm.Api.Endpoints.Consensus;

/// <summary>A proposal as <c>GET /api/v1/consensus/proposals/{id}</c> shows it: status, the current round while voting, every counted round with each ballot and its rationale, and the decision and why.</summary>
/// <param name="Status"><c>voting</c>, <c>decided</c>, <c>undecided</c> or <c>failed</c>.</param>
/// <param name="Participation">
/// Once counted, the last round's turnout: who voted, who did not, seats nobody filled, and the share against the
/// quorum, so a decision shows how many stood behind it.
/// </param>
public sealed record ProposalView(
    string Id,
    string Status,
    string? Question,
    IReadOnlyList<string>? Options,
    ConsensusRules? Rules,
    string? ProposedBy,
    int? Round,
    IReadOnlyList<string> Voters,
    IReadOnlyList<string> Voted,
    DateTimeOffset? RoundEndsAt,
    bool? Decided,
    string? Winner,
    string? Reason,
    Participation? Participation,
    IReadOnlyList<Voter>? Participants,
    IReadOnlyList<RoundRecord> Rounds,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt)
{
    public static ProposalView From(OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var input = instance.ReadInputAs<ProposalInput>();
        var progress = instance.IsRunning ? instance.ReadCustomStatusAs<ProposalProgress>() : null;
        var result = instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<ProposalResult>() : null;
        var status = instance.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Completed => result?.Decided == true ? "decided" : "undecided",
            OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated => "failed",
            _ => "voting",
        };
        return new ProposalView(
            instance.InstanceId,
            status,
            input?.Question,
            input?.Options,
            input?.Rules,
            input?.ProposedBy,
            progress?.Round ?? result?.Rounds.Count,
            progress?.Voters ?? result?.Voters.Select(v => v.Id).ToList() ?? [],
            progress?.Voted ?? [],
            progress?.RoundEndsAt,
            result?.Decided,
            result?.Winner,
            result?.Reason ?? instance.FailureDetails?.ErrorMessage,
            result is { Rounds.Count: > 0 } ? result.Rounds[^1].Outcome.Participation : null,
            result?.Voters,
            result?.Rounds ?? [],
            instance.CreatedAt,
            instance.LastUpdatedAt);
    }
}
