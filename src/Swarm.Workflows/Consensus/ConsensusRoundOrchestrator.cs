using Microsoft.DurableTask;
using Swarm.Domain.Agents;
using Swarm.Domain.Consensus;
using Swarm.Domain.Distribution;
using Swarm.Domain.Learning;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Distribution;
using Swarm.Workflows.Realtime;

namespace Swarm.Workflows.Consensus;

/// <summary>
/// A proposal's rounds of voting. Each round asks every participant for a ballot (its model, as structured output; an
/// external agent posts its own), waits until all have voted or the round's durable timer fires, counts the ballots
/// with the domain's <see cref="ConsensusCounter"/>, and records every ballot and the decision in durable history and
/// the audit trail. Undecided with rounds left, the participants see the last round's reasons, without names, and
/// vote again. A crash loses nothing: every ballot is an activity result or an event in history.
/// </summary>
public sealed class ConsensusRoundOrchestrator : TaskOrchestrator<ProposalInput, ProposalResult>
{
    public override async Task<ProposalResult> RunAsync(TaskOrchestrationContext context, ProposalInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var started = context.CurrentUtcDateTime;
        var board = await DispatchShards.Of(input.DispatchShards).ReadAsync(context);
        var (participants, unfilled) = await ParticipantsAsync(context, input, board);
        var voters = participants.Select(p => p.Voter).ToList();
        var rounds = new List<RoundRecord>();
        IReadOnlyList<string> earlier = [];
        for (var round = 1; round <= input.MaxRounds; round++)
        {
            var record = await RoundAsync(context, input, board, participants, unfilled, round, earlier, rounds);
            rounds.Add(record);
            await context.CallActivityAsync<bool>(nameof(RecordRoundActivity), new RoundAudit(input.ProposalId, record), RecordAgentActivity.Retry);
            if (record.Outcome.Decided)
            {
                if (input.Learn)
                {
                    await TeachVotersAsync(context, input, record);
                }

                break;
            }

            earlier = [.. record.Ballots.Where(b => b.Rationale is { Length: > 0 }).Select(b => b.Rationale!)];
        }

        var last = rounds[^1].Outcome;
        var reason = last.Decided || rounds.Count == 1 ? last.Reason : $"{last.Reason} (after {rounds.Count} rounds)";
        if (input.NotifyGroup)
        {
            await RealtimeNotices.SendAsync(context, RealtimeEvents.Decided(input.ProposalId, last.Decided, last.Winner, reason, rounds.Count, context.CurrentUtcDateTime));
        }

        return new ProposalResult(input.ProposalId, last.Decided, last.Winner, reason, input.Rules.Algorithm, voters, rounds, started, context.CurrentUtcDateTime);
    }

    static async Task<RoundRecord> RoundAsync(
        TaskOrchestrationContext context, ProposalInput input, DispatchBoard board, List<Participant> participants, int unfilled, int round, IReadOnlyList<string> earlier, List<RoundRecord> done)
    {
        var startedAt = context.CurrentUtcDateTime;
        var endsAt = startedAt + input.RoundDeadline;
        var voted = new List<string>();

        // A ballot of an earlier round may still finish during this one (its voter missed that deadline); only the round
        // that is current may publish, or the status would point external voters at a round nobody counts any more.
        void Publish()
        {
            if (done.Count != round - 1)
            {
                return;
            }

            context.SetCustomStatus(new ProposalProgress(
                round, [.. participants.Select(p => p.Voter.Id)], [.. participants.Where(p => p.Source == ExternalSource).Select(p => p.Voter.Id)], [.. voted], [.. done.Select(r => $"round {r.Round}: {r.Outcome.Reason}")], endsAt));
        }

        Publish();

        // A ballot's notice is not part of the ballot: the round is counted without waiting for the channel, and the
        // notices still on their way are awaited once it is counted.
        var notices = new List<Task>();
        var ballots = participants.Select(async p =>
        {
            var ballot = await BallotAsync(context, input, p, round, earlier, endsAt);
            if (p.Source != AbsentSource)
            {
                voted.Add(p.Voter.Id);
            }

            Publish();
            // Only ballots the round still counts: one that missed its deadline is not news to the group.
            if (input.NotifyGroup && ballot.Problem is null && done.Count == round - 1)
            {
                notices.Add(RealtimeNotices.SendAsync(context, RealtimeEvents.Cast(input.ProposalId, round, p.Voter.Id, context.CurrentUtcDateTime)));
            }

            return ballot;
        }).ToList();
        using var deadline = new CancellationTokenSource();
        var timer = context.CreateTimer(endsAt, deadline.Token);
        var all = Task.WhenAll(ballots);
        if (await Task.WhenAny(all, timer) == all)
        {
            deadline.Cancel();
        }

        var records = ballots.Select((t, i) => t.IsCompletedSuccessfully
            ? t.Result
            : new BallotRecord(participants[i].Voter.Id, null, 0, null, null, participants[i].Source, endsAt, "no ballot before the round's deadline")).ToList();
        var cast = records.Where(r => r.Problem is null).Select(r => new Ballot(r.VoterId, r.Choice, r.Confidence, r.Rationale, r.DelegateTo)).ToList();
        var voters = participants.Select(p => p.Voter).ToList();
        var outcome = ConsensusCounter.Count(input.Options, voters, cast, input.Rules, unfilledSeats: unfilled);
        string? tieBreaker = null;
        if (!outcome.Decided && outcome.QuorumMet && outcome.TiedOptions.Count > 1 && input.Rules.Ties == TiePolicy.QueenBreaks)
        {
            tieBreaker = await QueenChoiceAsync(context, input, board, outcome.TiedOptions, round);
            outcome = ConsensusCounter.Count(input.Options, voters, cast, input.Rules, tieBreaker, unfilled);
        }

        await Task.WhenAll(notices);
        return new RoundRecord(round, records, outcome, tieBreaker, startedAt, context.CurrentUtcDateTime);
    }

    static async Task<BallotRecord> BallotAsync(TaskOrchestrationContext context, ProposalInput input, Participant participant, int round, IReadOnlyList<string> earlier, DateTime endsAt)
    {
        var id = participant.Voter.Id;
        if (participant.Profile is null)
        {
            return new BallotRecord(id, null, 0, null, null, AbsentSource, context.CurrentUtcDateTime, "not an active agent of the swarm: named by the proposal, counted as not voting");
        }

        if (participant.Source == ExternalSource)
        {
            if (input.Notify)
            {
                await RealtimeNotices.SendAsync(context, RealtimeEvents.Ballot(id, input.ProposalId, round, input.Question, input.Options, endsAt));
            }

            var posted = await context.WaitForExternalEvent<ExternalBallot>(ExternalBallot.EventName(id, round));
            return new BallotRecord(id, posted.Choice, posted.Confidence, posted.Rationale, posted.DelegateTo, ExternalSource, context.CurrentUtcDateTime);
        }

        try
        {
            var reply = await context.CallActivityAsync<BallotReply>(
                nameof(CastBallotActivity),
                new BallotRequest(input.ProposalId, round, participant.Profile, input.Question, input.Options, earlier, input.Capability),
                AgentTurnOrchestrator.ModelCallRetry);
            return new BallotRecord(id, reply.Choice, reply.Confidence, reply.Rationale, null, "model", context.CurrentUtcDateTime);
        }
        catch (TaskFailedException e)
        {
            var reason = Tasks.TaskFailure.From(e);
            return new BallotRecord(id, null, 0, null, null, "model", context.CurrentUtcDateTime, $"{reason.Type}: {reason.Message}");
        }
    }

    /// <summary>Tells the board which counted voters chose the winner (signals: the proposal never waits on learning).</summary>
    static async Task TeachVotersAsync(TaskOrchestrationContext context, ProposalInput input, RoundRecord record)
    {
        var cast = record.Ballots.Where(b => b.Problem is null).Select(b => new Ballot(b.VoterId, b.Choice, b.Confidence, b.Rationale, b.DelegateTo)).ToList();
        var signals = VoteSignals.From(input.ProposalId, input.Capability ?? input.Participants.Capability, input.Pattern, record.Outcome, cast, context.CurrentUtcDateTime);
        foreach (var signal in signals)
        {
            await context.Entities.SignalEntityAsync(DispatchShards.Of(input.DispatchShards).ForAgent(signal.AgentId), nameof(DispatcherEntity.Learn), signal);
        }
    }

    /// <summary>The queen's choice among the tied options: the first queen on the board by id, asked like any voter.</summary>
    static async Task<string?> QueenChoiceAsync(TaskOrchestrationContext context, ProposalInput input, DispatchBoard board, IReadOnlyList<string> tied, int round)
    {
        var queenId = board.Agents.Values.Where(a => a.Type == AgentType.Queen && a.Accepting).Select(a => a.Id).Order(StringComparer.Ordinal).FirstOrDefault();
        var queen = queenId is null ? null : await context.Entities.CallEntityAsync<AgentLedger?>(AgentEntity.IdFor(queenId), nameof(AgentEntity.Get));
        if (queen is null || queen.Profile.Provider.Type == ProviderSettings.ExternalType)
        {
            return null;
        }

        try
        {
            var reply = await context.CallActivityAsync<BallotReply>(
                nameof(CastBallotActivity), new BallotRequest(input.ProposalId, round, queen.Profile, input.Question, tied, [], input.Capability), AgentTurnOrchestrator.ModelCallRetry);
            return reply.Choice;
        }
        catch (TaskFailedException)
        {
            return null;
        }
    }

    /// <summary>
    /// The voters, and how many seats the proposal asked for that nobody fills: a named agent that is not an active
    /// agent stays a voter who cannot vote, and fewer agents with the capability than asked for leave seats unfilled.
    /// Both count against the quorum, so a round cannot pass with the few voters it happened to find.
    /// </summary>
    static async Task<(List<Participant> Participants, int Unfilled)> ParticipantsAsync(TaskOrchestrationContext context, ProposalInput input, DispatchBoard board)
    {
        var capability = input.Capability ?? input.Participants.Capability;
        var ids = input.Participants.AgentIds
            ?? [.. board.Agents.Values
                .Where(a => a.Accepting && (input.Participants.Capability is null || a.Has(input.Participants.Capability)))
                .OrderByDescending(a => a.Reputation.TryGetValue(input.Participants.Capability ?? AgentSelector.GeneralCapability, out var r) ? r : AgentSelector.NeutralReputation)
                .ThenBy(a => a.Id, StringComparer.Ordinal)
                .Take(input.Participants.Count ?? 3)
                .Select(a => a.Id)];
        // The agents are read at once, not one after another: each read is a round trip through the control queues.
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        var ledgers = await Task.WhenAll(distinct.Select(id => context.Entities.CallEntityAsync<AgentLedger?>(AgentEntity.IdFor(id), nameof(AgentEntity.Get))));
        var participants = new List<Participant>();
        foreach (var (id, ledger) in distinct.Zip(ledgers))
        {
            if (ledger is null || ledger.Lifecycle == AgentLifecycle.Retired)
            {
                participants.Add(new Participant(null, new Voter(id), AbsentSource));
                continue;
            }

            var known = board.Agents.GetValueOrDefault(id);
            var reputation = known?.Reputation.TryGetValue(capability ?? AgentSelector.GeneralCapability, out var r) == true ? r : AgentSelector.NeutralReputation;
            var matches = capability is not null && ledger.Profile.EffectiveRole.Expertise.Contains(capability, StringComparer.OrdinalIgnoreCase);
            var source = ledger.Profile.Provider.Type == ProviderSettings.ExternalType ? ExternalSource : "model";
            participants.Add(new Participant(ledger.Profile, new Voter(id, reputation, matches), source));
        }

        var unfilled = input.Participants.AgentIds is null ? Math.Max(0, (input.Participants.Count ?? 3) - distinct.Count) : 0;
        return (participants, unfilled);
    }

    const string ExternalSource = "external";

    /// <summary>The source of a named voter that is not an active agent: it is never asked, and counts as not voting.</summary>
    const string AbsentSource = "absent";

    /// <param name="Profile">The agent's profile; null for a named voter that is not an active agent.</param>
    sealed record Participant(AgentProfile? Profile, Voter Voter, string Source);
}
