using Swarm.Domain.Consensus;

namespace Swarm.Workflows.Consensus;

/// <summary>The input a consensus round's orchestration starts with: the accepted proposal, resolved against the settings.</summary>
/// <param name="ProposalId">Also the orchestration's instance id.</param>
/// <param name="Options">The choices, distinct.</param>
/// <param name="Participants">Who votes: named agents, or the best N agents with a capability.</param>
/// <param name="Capability">The capability the question concerns: voters' reputation for it weighs their vote (Weighted).</param>
/// <param name="RoundDeadline">How long each round waits for ballots (a durable timer).</param>
/// <param name="MaxRounds">Rounds of debate before the proposal ends undecided.</param>
/// <param name="Notify">Whether external voters hear of their ballots on the real-time channel (fixed at the start, so replays agree).</param>
/// <param name="NotifyGroup">
/// Whether the proposal's group hears each ballot arrive and the outcome (fixed at the start, so replays agree; a
/// proposal stored before groups existed reads back false and runs the activities it ran before).
/// </param>
/// <param name="Learn">
/// Whether a decided round teaches the voters' skill on the dispatch board (a <c>consensus</c> signal each); a proposal
/// stored before learning existed reads back false and sends no signal it did not send before.
/// </param>
/// <param name="DispatchShards">The dispatch board's shards when it started (voters' records are read from every one, a signal goes to its agent's); null (before shards) is one.</param>
/// <param name="Pattern">
/// The pattern key of the task whose answers are voted on (a consensus task recognised as a known kind, whose answers
/// were routed by it): a decided round teaches that record as well as the capability's. Null for the API's proposals
/// and the vote tool's, whose questions are no task's own work, and in proposals stored before pattern keys.
/// </param>
public sealed record ProposalInput(
    string ProposalId,
    string Question,
    IReadOnlyList<string> Options,
    ConsensusRules Rules,
    ParticipantSpec Participants,
    string? Capability,
    TimeSpan RoundDeadline,
    int MaxRounds,
    string ProposedBy,
    bool Notify = false,
    bool NotifyGroup = false,
    bool Learn = false,
    int? DispatchShards = null,
    string? Pattern = null);

/// <summary>Who votes: <paramref name="AgentIds"/>, or the <paramref name="Count"/> agents with <paramref name="Capability"/> that have the best reputation for it.</summary>
public sealed record ParticipantSpec(IReadOnlyList<string>? AgentIds, string? Capability, int? Count);
